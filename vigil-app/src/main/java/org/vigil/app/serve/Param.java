package org.vigil.app.serve;

import java.util.List;

/**
 * One parameter of an endpoint, declared once with its type, default, bounds and doc line: the
 * validator and the OpenAPI document both read this declaration.
 *
 * @param in        {@code query} or {@code path}
 * @param min       lowest value of a number, shortest length of a text (null: none)
 * @param max       highest value of a number, longest length of a text
 * @param allowed   the only values a choice takes (empty: any)
 * @param pattern   a regular expression a text must match whole (null: any)
 */
record Param(String name, String in, Type type, boolean required, Object defaultValue, Long min, Long max,
             List<String> allowed, String pattern, String description) {

    enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), DATE("string");

        final String jsonType;

        Type(String jsonType) {
            this.jsonType = jsonType;
        }
    }

    /** Longest text any parameter takes unless it says otherwise. */
    static final long MAX_TEXT = 200;

    Param {
        allowed = List.copyOf(allowed);
    }

    static Param text(String name, String description) {
        return new Param(name, "query", Type.STRING, false, null, null, MAX_TEXT, List.of(), null, description);
    }

    static Param text(String name, long maxLength, boolean required, String description) {
        return new Param(name, "query", Type.STRING, required, null, required ? 1L : null, maxLength, List.of(), null, description);
    }

    static Param choice(String name, String defaultValue, List<String> allowed, String description) {
        return new Param(name, "query", Type.STRING, false, defaultValue, null, MAX_TEXT, allowed, null, description);
    }

    static Param integer(String name, Integer defaultValue, long min, long max, String description) {
        return new Param(name, "query", Type.INTEGER, false, defaultValue, min, max, List.of(), null, description);
    }

    static Param number(String name, double min, double max, String description) {
        // bounds of a decimal are kept as whole numbers: every bound here is 0 or 1
        return new Param(name, "query", Type.NUMBER, false, null, (long) min, (long) max, List.of(), null, description);
    }

    static Param bool(String name, boolean defaultValue, String description) {
        return new Param(name, "query", Type.BOOLEAN, false, defaultValue, null, null, List.of(), null, description);
    }

    static Param date(String name, String description) {
        return new Param(name, "query", Type.DATE, false, null, null, null, List.of(), null, description);
    }

    static Param pathInteger(String name, long min, long max, String description) {
        return new Param(name, "path", Type.INTEGER, true, null, min, max, List.of(), null, description);
    }

    static Param pathText(String name, String pattern, long maxLength, String description) {
        return new Param(name, "path", Type.STRING, true, null, 1L, maxLength, List.of(), pattern, description);
    }

    static Param offset() {
        return integer("offset", 0, 0, org.vigil.app.serve.Args.MAX_OFFSET, "How many rows to skip, for paging.");
    }

    static Param limit(int defaultValue) {
        return integer("limit", defaultValue, 1, org.vigil.store.VigilStore.MAX_LIMIT, "Most rows to return (1 to 1000).");
    }
}
