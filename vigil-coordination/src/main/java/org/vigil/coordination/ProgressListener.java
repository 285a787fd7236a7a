package org.vigil.coordination;

/** Hears how a run advances: a stage name and, when known, work done out of a total (total 0 = unknown). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> {
    };

    void progress(String stage, long done, long total);
}
