package org.vigil.coordination;

import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;
import org.vigil.model.Problem;

import java.util.function.Consumer;

/**
 * Where coordination detection runs. The detectors are pure functions over the time-ordered shares of
 * one object, so an engine only decides how shares are grouped by object and where the pair counts
 * meet: {@link InProcessCoordinationEngine} does it in this JVM; a Flink engine can key a stream by
 * object and run the same detectors.
 */
public interface CoordinationEngine {
    /** A short name for logs and the store ("in-process"). */
    String name();

    /** This engine, characterising networks with {@code registry} and {@code lexicon} instead of the bundled lists. */
    CoordinationEngine withReferenceData(StateMediaRegistry registry, CandidateLexicon lexicon);

    /** Starts a run; bad posts are reported to {@code quarantine}, stages to {@code progress}. */
    CoordinationSession start(CoordinationSettings settings, Consumer<Problem> quarantine, ProgressListener progress);

    /** Runs over {@code posts} in one call. */
    default CoordinationResult detect(Iterable<Post> posts, CoordinationSettings settings, Consumer<Problem> quarantine) {
        CoordinationSession session = start(settings, quarantine, ProgressListener.NONE);
        for (Post p : posts) {
            session.accept(p);
        }
        return session.finish();
    }
}
