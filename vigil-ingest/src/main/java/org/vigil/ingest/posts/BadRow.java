package org.vigil.ingest.posts;

/**
 * Why one record cannot become a post. Thrown by the row mappers and turned into a
 * {@link org.vigil.model.Problem} by the reader; it never leaves this package. No stack trace:
 * bad rows are expected input, and a million of them must stay cheap.
 */
final class BadRow extends Exception {
    private static final long serialVersionUID = 1L;

    BadRow(String reason) {
        super(reason, null, false, false);
    }
}
