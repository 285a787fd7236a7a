package org.vigil.store.query;

/** A value a filter can take and how many rows have it. */
public record Facet(String value, long count) {
}
