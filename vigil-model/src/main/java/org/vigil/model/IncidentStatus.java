package org.vigil.model;

import java.util.Locale;

/** How firmly an incident is established, from a journalist's allegation to a sanction or an admission. */
public enum IncidentStatus {
    ALLEGED, ATTRIBUTED, CHARGED, SANCTIONED, ADMITTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentStatus fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
