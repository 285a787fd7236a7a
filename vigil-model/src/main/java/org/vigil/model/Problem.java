package org.vigil.model;

/**
 * A bad input record, kept rather than dropped: where it was ({@code origin} is the file,
 * {@code line} the 1-based line or record number, 0 when unknown), why it was rejected, and the raw text.
 */
public record Problem(String origin, long line, String reason, String raw) {
    /** The one-line message shown to the user. */
    public String message() {
        return origin + (line > 0 ? ":" + line : "") + ": " + reason;
    }
}
