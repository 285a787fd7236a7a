package org.vigil.store.query;

import java.time.LocalDate;

/**
 * Which incidents to read. {@code from}/{@code to} bound the reporting article's publication date
 * (inclusive; undated articles drop out when either is set); {@code yearFrom}/{@code yearTo} bound
 * the year the incident happened (the article's year when it does not say). {@code actor} is the
 * ISO code of the state behind it; technique, status and target are in their wire form
 * ({@code hack_and_leak}, {@code charged}, {@code campaign}); {@code disarmId} is exact
 * ({@code T0000.001}); {@code cycle} is the election it is about ({@link org.vigil.store.CycleSql}).
 * Nulls mean "any".
 */
public record IncidentFilter(LocalDate from, LocalDate to, Integer yearFrom, Integer yearTo, String actor,
                             String technique, String status, String target, String disarmId, Integer cycle) {
    /** Any cycle. */
    public IncidentFilter(LocalDate from, LocalDate to, Integer yearFrom, Integer yearTo, String actor,
                          String technique, String status, String target, String disarmId) {
        this(from, to, yearFrom, yearTo, actor, technique, status, target, disarmId, null);
    }

    public IncidentFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The period is empty: 'from' (" + from + ") is after 'to' (" + to + ").");
        }
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw new IllegalArgumentException("The years are empty: 'yearFrom' (" + yearFrom + ") is after 'yearTo' (" + yearTo + ").");
        }
    }

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
