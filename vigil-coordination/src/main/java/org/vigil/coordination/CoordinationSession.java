package org.vigil.coordination;

import org.vigil.model.CoordinationResult;
import org.vigil.model.Post;

import java.util.function.Consumer;

/**
 * One run in progress: feed it every post (from one thread, any order), then call {@link #finish()}.
 * A post without an account id is not used; it goes to the run's quarantine as a {@code Problem}.
 *
 * <p>A session holds threads and, in bounded mode, a spill folder: {@link #finish()} releases them, and
 * {@link #close()} releases them for a session given up before finishing, so
 * {@code try (CoordinationSession s = engine.start(...)) { ...; return s.finish(); }} never leaves a folder
 * behind. {@link #cancel()} may be called from any thread.
 */
public interface CoordinationSession extends Consumer<Post>, AutoCloseable {
    @Override
    void accept(Post post);

    /** Runs the detectors, scoring and community search over everything accepted. Call once. */
    CoordinationResult finish();

    /**
     * Asks the run to stop: from then on {@link #accept} and a running {@link #finish()} throw
     * {@link java.util.concurrent.CancellationException}, the latter at its next stage or slice. Any thread.
     */
    void cancel();

    /** Releases threads and the spill folder; idempotent, and harmless after {@link #finish()}. */
    @Override
    void close();
}
