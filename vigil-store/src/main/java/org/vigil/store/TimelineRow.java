package org.vigil.store;

import java.time.LocalDate;

/**
 * One incident on the timeline. {@code date} is when the article reporting it was published and
 * {@code year} the year the incident took place in, as the article says; either may be null.
 * Technique, target and status are in their wire form ({@code hack_and_leak}, {@code campaign},
 * {@code charged}).
 */
public record TimelineRow(LocalDate date, Integer year, String actor, String technique, String disarmId,
                          String target, String status, String doc, String evidence) {
}
