package org.vigil.app.serve;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parameters of one request, checked against the endpoint's declaration. Every problem is
 * collected before answering, so one 400 names every wrong parameter: unknown names (typos),
 * repeats, values of the wrong type or outside their bounds, and missing required ones.
 */
final class Args {
    /** Deepest offset any list accepts. */
    static final int MAX_OFFSET = 1_000_000;

    private final Map<String, Object> values;

    private Args(Map<String, Object> values) {
        this.values = values;
    }

    /** Checks the request's query (decoded strictly before routing) and path parameters against {@code endpoint}. */
    static Args parse(Context ctx, Endpoint endpoint) {
        return parse(DashboardServer.query(ctx), ctx::pathParam, endpoint);
    }

    /**
     * Checks decoded query parameters and the path parameters ({@code pathParam} gives each by name)
     * against {@code endpoint}; throws one {@link ApiProblem} naming every wrong parameter.
     */
    static Args parse(Map<String, List<String>> query, Function<String, String> pathParam, Endpoint endpoint) {
        Map<String, String> raw = new HashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            Param p = endpoint.param(name);
            if (p == null || !p.in().equals("query")) {
                errors.add(new ApiProblem.FieldError(shorten(name), "unknown parameter '" + shorten(name) + "'; "
                        + (endpoint.queryNames().isEmpty() ? endpoint.path() + " takes no query parameters"
                        : endpoint.path() + " takes " + String.join(", ", endpoint.queryNames()))));
            } else if (e.getValue().size() > 1) {
                errors.add(new ApiProblem.FieldError(name, "parameter '" + name + "' is given " + e.getValue().size()
                        + " times; give it once"));
            } else {
                raw.put(name, e.getValue().get(0));
            }
        }
        for (Param p : endpoint.params()) {
            if (p.in().equals("path")) {
                raw.put(p.name(), pathParam.apply(p.name()));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Param p : endpoint.params()) {
            String s = raw.get(p.name());
            if (s == null || (s.isEmpty() && !p.required())) {
                if (p.required() && s == null) {
                    errors.add(new ApiProblem.FieldError(p.name(), "parameter '" + p.name() + "' is required: " + p.description()));
                } else if (p.defaultValue() != null) {
                    values.put(p.name(), p.defaultValue());
                }
                continue;
            }
            String problem = check(p, s, values);
            if (problem != null) {
                errors.add(new ApiProblem.FieldError(p.name(), problem));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest(errors);
        }
        return new Args(values);
    }

    /**
     * The checked values in name order, defaults included, as one string: two requests with the same
     * key ask the same question ({@code ?hedged=true} and no {@code hedged} alike), so one cached
     * answer serves both.
     */
    String key() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : new TreeMap<>(values).entrySet()) {
            String v = String.valueOf(e.getValue());
            // lengths make the key unambiguous whatever the values hold
            b.append(e.getKey()).append('=').append(v.length()).append(':').append(v).append(';');
        }
        return b.toString();
    }

    /** Parses {@code s} into {@code values}; returns the message when it is not a valid value of {@code p}. */
    private static String check(Param p, String s, Map<String, Object> values) {
        String name = p.name();
        switch (p.type()) {
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(s.trim());
                } catch (NumberFormatException e) {
                    return "parameter '" + name + "' must be a whole number, got '" + shorten(s) + "'";
                }
                if ((p.min() != null && v < p.min()) || (p.max() != null && v > p.max())) {
                    return "parameter '" + name + "' must be between " + p.min() + " and " + p.max() + ", got " + v;
                }
                values.put(name, p.max() != null && p.max() <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v);
            }
            case NUMBER -> {
                double v;
                try {
                    v = Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return "parameter '" + name + "' must be a number, got '" + shorten(s) + "'";
                }
                if (Double.isNaN(v) || (p.min() != null && v < p.min()) || (p.max() != null && v > p.max())) {
                    return "parameter '" + name + "' must be between " + p.min() + " and " + p.max() + ", got " + shorten(s);
                }
                values.put(name, v + 0.0); // -0 is 0: one value, one cache key (found by ArgsFuzzTest)
            }
            case BOOLEAN -> {
                if (!s.equals("true") && !s.equals("false")) {
                    return "parameter '" + name + "' must be true or false, got '" + shorten(s) + "'";
                }
                values.put(name, Boolean.parseBoolean(s));
            }
            case DATE -> {
                try {
                    values.put(name, LocalDate.parse(s.trim()));
                } catch (DateTimeParseException e) {
                    return "parameter '" + name + "' must be a date like 2024-11-05, got '" + shorten(s) + "'";
                }
            }
            case STRING -> {
                if (p.max() != null && s.length() > p.max()) {
                    return "parameter '" + name + "' must be at most " + p.max() + " characters, got " + s.length();
                }
                if (p.min() != null && s.length() < p.min()) {
                    return "parameter '" + name + "' must not be empty";
                }
                if (!p.allowed().isEmpty() && !p.allowed().contains(s)) {
                    return "parameter '" + name + "' must be one of " + String.join(", ", p.allowed()) + ", got '" + shorten(s) + "'";
                }
                if (p.pattern() != null && !Pattern.matches(p.pattern(), s)) {
                    return "parameter '" + name + "' has an invalid value '" + shorten(s) + "': " + p.description();
                }
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < 0x20 && c != '\t') {
                        return "parameter '" + name + "' contains the control character U+" + String.format("%04X", (int) c)
                                + "; remove it";
                    }
                }
                values.put(name, s);
            }
            default -> throw new IllegalStateException("unhandled parameter type " + p.type());
        }
        return null;
    }

    /** Echoes of hostile input in error messages are kept short; they are JSON-escaped on output. */
    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    String text(String name) {
        return (String) values.get(name);
    }

    Integer integer(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).intValue();
    }

    Long longValue(String name) {
        Object v = values.get(name);
        return v == null ? null : ((Number) v).longValue();
    }

    Double number(String name) {
        return (Double) values.get(name);
    }

    boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    LocalDate date(String name) {
        return (LocalDate) values.get(name);
    }

    int offset() {
        return integer("offset");
    }

    int limit() {
        return integer("limit");
    }

    /** Fails with a 400 on {@code name} unless {@code from} is not after {@code to}. */
    static void checkOrder(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest("from", "the period is empty: 'from' (" + from + ") is after 'to' (" + to + ")");
        }
    }
}
