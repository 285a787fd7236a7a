package org.vigil.store.query;

import java.time.LocalDate;
import java.util.List;

/**
 * One operation as the news reported it: the incidents of several articles (same state and
 * technique, close in time, like target and wording) merged. {@code id} is the smallest id among
 * its incidents, so it stays put while reports are added; {@code first}/{@code last} are the
 * earliest and latest report dates (null when none is dated); {@code statuses} is how its status
 * moved from report to report, in date order; {@code sources} are every place its articles were seen.
 */
public record IncidentEvent(long id, String actor, String technique, String target, Integer cycle, LocalDate first,
                            LocalDate last, String status, List<StatusChange> statuses, List<IncidentRow> reports,
                            List<EventSource> sources) {
    public IncidentEvent {
        statuses = List.copyOf(statuses);
        reports = List.copyOf(reports);
        sources = List.copyOf(sources);
    }

    /** The status an event reached on {@code date} in the report of incident {@code incidentId}. */
    public record StatusChange(LocalDate date, String status, long incidentId) {
    }

    /** One place a report of the event was seen: its outlet's domain, URL, title and date, and the report it carries. */
    public record EventSource(long incidentId, String articleId, String domain, String url, String title, LocalDate published) {
    }
}
