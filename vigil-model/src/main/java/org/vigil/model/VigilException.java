package org.vigil.model;

/**
 * The root of Vigil's errors. Its message is meant for a person: one line saying what went
 * wrong, where (file, line, record id) and what to do about it.
 */
public class VigilException extends RuntimeException {
    public VigilException(String message) {
        super(message);
    }

    public VigilException(String message, Throwable cause) {
        super(message, cause);
    }
}
