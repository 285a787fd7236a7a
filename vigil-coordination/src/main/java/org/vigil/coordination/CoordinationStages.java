package org.vigil.coordination;

import org.vigil.coordination.characterise.CandidateLexicon;
import org.vigil.coordination.characterise.StateMediaRegistry;
import org.vigil.coordination.detect.MinHasher;
import org.vigil.coordination.detect.ObjectCoActions;
import org.vigil.coordination.detect.ObjectShares;
import org.vigil.coordination.detect.PostFeatures;
import org.vigil.coordination.detect.SignatureTable;
import org.vigil.model.CoordinationKind;
import org.vigil.model.Post;
import org.vigil.model.Problem;

import java.nio.file.Path;
import java.util.Set;

/**
 * Vigil's method cut into the stages a distributed engine runs, each the code the in-process engine runs:
 * <ol>
 * <li><b>post &rarr; features</b>: {@link #featureMaker()} makes a post's {@link PostFeatures} (object keys per
 * kind, the text's MinHash signature); {@link PostFeatures#forEachShare} lists its shares. Pure, any thread.</li>
 * <li><b>shares of one object &rarr; co-actions</b>: gather an object's shares (account, time, input ordinal,
 * and for co-similar-text the signature), order them by time then ordinal, and run
 * {@link #objectStage(CoordinationKind, SignatureTable)}. With {@code coordination.slice.seconds} S &gt; 0
 * the shares are cut by event time into slices of S seconds, and slice k runs over the shares from
 * {@code k*S - }{@link #history()} to {@code (k+1)*S}, counting only those at or after {@code k*S}: an
 * object's state is then its last slice plus the history. With S = 0 there is one slice, the whole input.</li>
 * <li><b>co-action counts &rarr; pair significance &rarr; communities &rarr; networks</b>: {@link NetworkStage}
 * takes every post in input order (account numbering, post counts, evidence) and the co-action tallies in
 * any order, then tests each pair against the activity and exclusivity nulls (which need run-wide totals,
 * hence one global stage), finds communities and characterises the networks.</li>
 * </ol>
 * Accounts are named by their ids between stages; each stage numbers them densely for itself.
 */
public final class CoordinationStages {
    /** Why every engine quarantines a post without an account id: it cannot be attributed. */
    public static final String NO_ACCOUNT = "post has no account id, so it cannot be attributed; fix the account column";

    /** True when {@code post} names no account, so no engine can use it (it goes to the quarantine). */
    public static boolean unattributed(Post post) {
        return post.accountId() == null || post.accountId().isBlank();
    }

    /** The quarantine entry of an unattributed post, the same from every engine. */
    public static Problem unattributedProblem(Post post) {
        return new Problem("post " + post.postId(), 0, NO_ACCOUNT, String.valueOf(post.postId()));
    }

    private final CoordinationSettings settings;
    private final SurpriseMethod method;
    private final MinHasher hasher;

    public CoordinationStages(CoordinationSettings settings) {
        if (settings == null) {
            throw new NullPointerException("The parameter 'settings' must not be null.");
        }
        if (!settings.method().equals("vigil")) {
            throw new IllegalArgumentException("the coordination stages run method 'vigil' only, got '" + settings.method()
                    + "'; run the coortweet method with the in-process engine");
        }
        this.settings = settings;
        this.method = new SurpriseMethod(settings, ProgressListener.NONE, StateMediaRegistry.bundled(), CandidateLexicon.bundled());
        this.hasher = new MinHasher(settings.minhashBands(), settings.minhashRows(), settings.seed());
    }

    public CoordinationSettings settings() {
        return settings;
    }

    /** The kinds whose shares are detected. */
    public Set<CoordinationKind> kinds() {
        return settings.kinds();
    }

    /** A feature maker that signs every text; one per thread. */
    public PostFeatures.Maker featureMaker() {
        return new PostFeatures.Maker(settings, hasher, 1);
    }

    public MinHasher hasher() {
        return hasher;
    }

    /** The length of one MinHash signature. */
    public int signatureLength() {
        return hasher.length();
    }

    /** {@code coordination.slice.seconds}: 0 for one slice over the whole input. */
    public long sliceSeconds() {
        return settings.sliceSeconds();
    }

    /** How far before its slice a slice must see: the co-action window, and the background's lag band. */
    public long history() {
        return method.history();
    }

    /** The first second of slice {@code slice}; with one slice, {@code Long.MIN_VALUE}. */
    public long sliceStart(long slice) {
        return settings.sliceSeconds() == 0 ? Long.MIN_VALUE : slice * settings.sliceSeconds();
    }

    /** The slice that holds second {@code time}; with one slice, 0. */
    public long sliceOf(long time) {
        return settings.sliceSeconds() == 0 ? 0 : Math.floorDiv(time, settings.sliceSeconds());
    }

    /**
     * The per-object stage of {@code kind}. Co-similar-text shares refer to their signature by
     * {@link ObjectShares#ref}, an ordinal into {@code signatures}; other kinds ignore refs. One per thread.
     */
    public ObjectCoActions objectStage(CoordinationKind kind, SignatureTable signatures) {
        return method.objectStage(kind, hasher, signatures);
    }

    /** The final stage; {@code spillParent} holds its sorted runs in bounded mode (null: the settings' spill folder). */
    public NetworkStage networkStage(StateMediaRegistry registry, CandidateLexicon lexicon, Path spillParent) {
        return new NetworkStage(settings, registry, lexicon, ProgressListener.NONE, spillParent);
    }
}
