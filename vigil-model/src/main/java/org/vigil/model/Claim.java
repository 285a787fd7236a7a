package org.vigil.model;

/**
 * The article asserts that a foreign state ({@code holder}, ISO 3166-1 alpha-2) favours or opposes
 * a candidate ({@code target}, lower-case surname or party; {@code *} for a {@code NONE} stance).
 * {@code actor} is the mention that named the holder ("the Kremlin", "APT42").
 */
public record Claim(String holder, String target, Stance stance, boolean hedged, boolean disputed,
                   Basis basis, String actor, Evidence evidence) {
}
