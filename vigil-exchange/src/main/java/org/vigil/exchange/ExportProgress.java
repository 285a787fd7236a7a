package org.vigil.exchange;

/**
 * Hears how an export advances: a stage name and items done out of a total (total 0 = unknown).
 * The same shape as the coordination module's listener, kept here so that vigil-exchange needs
 * neither that module nor the app: {@code bar::progress} fits either.
 */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (stage, done, total) -> {
    };

    void progress(String stage, long done, long total);
}
