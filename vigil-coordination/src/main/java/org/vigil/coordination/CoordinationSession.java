package org.vigil.coordination;

import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.util.function.Consumer;

/**
 * One run in progress: feed it every post (from one thread, any order), then call {@link #finish()}.
 * A post without an account id is not used; it goes to the run's quarantine as a {@code Problem}.
 */
public interface CoordinationSession extends Consumer<Post> {
    @Override
    void accept(Post post);

    /** Runs the detectors, scoring and community search over everything accepted. Call once. */
    CoordinationResult finish();
}
