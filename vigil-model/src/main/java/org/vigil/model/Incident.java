package org.vigil.model;

/**
 * An interference activity the article reports as having happened. {@code year} is null when
 * the article does not say; {@code disarmId} is the DISARM technique the technique maps to.
 */
public record Incident(String actor, Technique technique, IncidentTarget target, IncidentStatus status,
                       Integer year, String disarmId, Evidence evidence) {
}
