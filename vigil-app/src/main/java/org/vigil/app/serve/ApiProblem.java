package org.vigil.app.serve;

import java.util.List;

/**
 * An HTTP error answered as RFC 9457 problem+json: a status, a short title, a one-line detail that
 * says what to do, and for a bad request every offending parameter with its own message.
 */
final class ApiProblem extends RuntimeException {
    /** One parameter that was wrong and why. */
    record FieldError(String name, String message) {
    }

    /** Most parameter errors one answer lists. */
    static final int MAX_LISTED = 10;

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /**
     * One 400 for every wrong parameter, listing at most {@link #MAX_LISTED} of them: hundreds of
     * bogus parameters get a short answer that says how many there were, not one line per parameter.
     */
    static ApiProblem badRequest(List<FieldError> errors) {
        List<FieldError> listed = errors.size() <= MAX_LISTED ? errors : errors.subList(0, MAX_LISTED);
        String messages = String.join("; ", listed.stream().map(FieldError::message).toList());
        String detail = errors.size() == 1 ? errors.get(0).message()
                : errors.size() <= MAX_LISTED ? errors.size() + " parameters are invalid: " + messages
                : errors.size() + " parameters are invalid; the first " + MAX_LISTED + ": " + messages;
        return new ApiProblem(400, "Bad Request", detail, listed);
    }

    static ApiProblem badRequest(String name, String message) {
        return badRequest(List.of(new FieldError(name, message)));
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not Found", detail, List.of());
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail, List.of());
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "Forbidden", detail, List.of());
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    List<FieldError> errors() {
        return errors;
    }
}
