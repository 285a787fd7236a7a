package org.vigil.model;

/** What a foreign actor wants for a candidate. */
public enum Stance {
    FAVORS, OPPOSES, NONE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Stance fromWire(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
