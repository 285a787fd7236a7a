package org.vigil.ingest.news;

import java.util.Objects;

/**
 * What happened to one input: a file, or one record of a JSONL file. {@code origin} is the file
 * path, or {@code file:line} for a JSONL record; {@code message} is one line saying what was
 * done or what went wrong and what to do about it.
 */
public record FileOutcome(String origin, Status status, String message) {

    public enum Status { OK, SKIPPED, FAILED }

    public FileOutcome {
        Objects.requireNonNull(origin, "The parameter 'origin' must not be null.");
        Objects.requireNonNull(status, "The parameter 'status' must not be null.");
        message = message == null ? "" : message.replaceAll("[\\r\\n]+", " ").strip();
    }

    /** The line shown to a person: {@code origin: STATUS message}. */
    @Override
    public String toString() {
        return origin + ": " + status + " " + message;
    }
}
