package org.vigil.store.query;

/** How many incidents of one technique one actor is reported to have run in one year (null: unknown year). */
public record IncidentCount(Integer year, String actor, String technique, long count) {
}
