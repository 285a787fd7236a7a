package org.vigil.model;

import java.util.Locale;

/** Interference techniques as defined in the annotation guide. */
public enum Technique {
    HACK_AND_LEAK, PHISHING, INTRUSION, DISINFORMATION, INAUTHENTIC_ACCOUNTS, AI_GENERATED_CONTENT,
    COVERT_FUNDING, STATE_MEDIA, THREATS_VIOLENCE, INFLUENCE_OPERATION;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Technique fromWire(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
