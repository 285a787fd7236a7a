package org.vigil.model;

import java.util.Locale;

/** Whom or what an incident was aimed at. */
public enum IncidentTarget {
    CAMPAIGN, CANDIDATE, VOTERS, ELECTION_INFRASTRUCTURE, OFFICIALS, MEDIA, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IncidentTarget fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
