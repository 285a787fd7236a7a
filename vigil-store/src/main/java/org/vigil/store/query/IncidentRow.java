package org.vigil.store.query;

import java.time.LocalDate;

/**
 * One incident with where it was reported: {@code published} is the article's date, {@code year}
 * the year the incident happened as the article says (either may be null); {@code evidenceId} and
 * {@code evidence} are the sentence that reports it (null when none was kept). Ids are stable
 * across re-ingests, so they can be linked to. {@code cycle} is the election it is about.
 */
public record IncidentRow(long id, LocalDate published, Integer year, String actor, String technique, String disarmId,
                          String target, String status, String articleId, String doc, String title, Long evidenceId,
                          String evidence, Integer evidenceStart, Integer evidenceEnd, Integer cycle) {
}
