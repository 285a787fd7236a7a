package org.vigil.model;

/** Why the article says a claim holds: the actor's own words, someone's assessment, or an operation. */
public enum Basis {
    STATEMENT, ASSESSMENT, OPERATION;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Basis fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
