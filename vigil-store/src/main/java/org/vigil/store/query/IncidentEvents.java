package org.vigil.store.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges incidents that report the same operation into events. Two reports are the same operation
 * when they name the same state and technique, agree on the cycle and the target where both say,
 * were published within {@value #WINDOW_DAYS} days of each other, and their sentences share enough
 * words ({@value #MIN_OVERLAP} of the shorter sentence's content words, crudely stemmed). A report
 * joins the first event any of whose reports it matches (single link, in report-date order), so a
 * story retold over weeks stays one event while a new operation of the same kind a year later does not.
 */
public final class IncidentEvents {
    /** Reports further apart are different news, even about one kind of operation; two months hold a hack, its attribution and the charges. */
    public static final int WINDOW_DAYS = 60;
    /** Share of the shorter sentence's content words the other must have. */
    public static final double MIN_OVERLAP = 0.3;

    private static final Set<String> STOP = Set.of("the", "and", "for", "that", "with", "from", "this", "was", "were", "are",
            "has", "had", "have", "its", "their", "his", "her", "they", "said", "says", "say", "which", "who", "been", "into",
            "also", "but", "not", "after", "over", "about", "than", "more", "other", "some", "would", "could", "will", "one",
            "two", "three", "last", "year", "week", "month", "on", "in", "of", "to", "a", "an", "by", "at", "as", "it", "be");

    private IncidentEvents() {
    }

    /** Events of {@code rows} (no sources filled in), ordered by first report date, undated last. */
    public static List<IncidentEvent> merge(List<IncidentRow> rows) {
        List<IncidentRow> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing(IncidentRow::published, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(IncidentRow::id));
        // per state and technique: every event, and those still open to a dated report (rows come in date order,
        // so an event whose latest report is older than the window never takes another dated one; an undated
        // report, which comes last, is compared by wording with every event)
        record Group(List<List<IncidentRow>> events, List<List<IncidentRow>> open) {
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        List<List<IncidentRow>> all = new ArrayList<>();
        Map<Long, Set<String>> words = new java.util.HashMap<>();
        for (IncidentRow r : ordered) {
            words.put(r.id(), words(r.evidence()));
            Group group = groups.computeIfAbsent(r.actor() + "\u0000" + r.technique(), k -> new Group(new ArrayList<>(), new ArrayList<>()));
            if (r.published() != null) {
                LocalDate horizon = r.published().minusDays(WINDOW_DAYS);
                group.open().removeIf(event -> event.get(event.size() - 1).published().isBefore(horizon));
            }
            List<IncidentRow> home = null;
            for (List<IncidentRow> event : r.published() != null ? group.open() : group.events()) {
                if (matchesAny(event, r, words)) {
                    home = event;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                group.events().add(home);
                group.open().add(home);
                all.add(home);
            }
            home.add(r);
        }
        List<IncidentEvent> events = new ArrayList<>(all.size());
        for (List<IncidentRow> reports : all) {
            events.add(event(reports, List.of()));
        }
        events.sort(Comparator.comparing(IncidentEvent::first, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(IncidentEvent::id));
        return events;
    }

    static IncidentEvent event(List<IncidentRow> reports, List<IncidentEvent.EventSource> sources) {
        IncidentRow head = reports.get(0);
        long id = reports.stream().mapToLong(IncidentRow::id).min().orElseThrow();
        LocalDate first = null;
        LocalDate last = null;
        String target = null;
        Integer cycle = null;
        List<IncidentEvent.StatusChange> statuses = new ArrayList<>();
        for (IncidentRow r : reports) {
            if (r.published() != null) {
                first = first == null || r.published().isBefore(first) ? r.published() : first;
                last = last == null || r.published().isAfter(last) ? r.published() : last;
            }
            target = target == null ? r.target() : target;
            cycle = cycle == null ? r.cycle() : cycle;
            String now = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).status();
            if (r.status() != null && !r.status().equals(now)) {
                statuses.add(new IncidentEvent.StatusChange(r.published(), r.status(), r.id()));
            }
        }
        String status = statuses.isEmpty() ? null : statuses.get(statuses.size() - 1).status();
        return new IncidentEvent(id, head.actor(), head.technique(), target, cycle, first, last, status, statuses, reports, sources);
    }

    /** Whether {@code r} is the operation of any report of {@code event}, newest first, stopping at reports older than the window. */
    private static boolean matchesAny(List<IncidentRow> event, IncidentRow r, Map<Long, Set<String>> words) {
        LocalDate horizon = r.published() == null ? null : r.published().minusDays(WINDOW_DAYS);
        for (int i = event.size() - 1; i >= 0; i--) {
            IncidentRow o = event.get(i);
            if (horizon != null && o.published() != null && o.published().isBefore(horizon)) {
                return false; // reports come in date order: every earlier one is older still
            }
            if (sameOperation(o, r, words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOperation(IncidentRow a, IncidentRow b, Map<Long, Set<String>> words) {
        if (a.cycle() != null && b.cycle() != null && !a.cycle().equals(b.cycle())) {
            return false;
        }
        if (a.target() != null && b.target() != null && !a.target().equals(b.target())) {
            return false;
        }
        if (a.published() != null && b.published() != null
                && Math.abs(ChronoUnit.DAYS.between(a.published(), b.published())) > WINDOW_DAYS) {
            return false;
        }
        if (a.articleId().equals(b.articleId())) {
            return true; // one article, one incident per state and technique: a second sentence is the same report
        }
        return overlap(words.get(a.id()), words.get(b.id())) >= MIN_OVERLAP;
    }

    /** Share of the smaller set found in the other; 0 when either is empty. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        long shared = small.stream().filter(large::contains).count();
        return (double) shared / small.size();
    }

    /** Content words, lower-cased and cut to a crude stem, so "hacked", "hackers" and "hacking" meet. */
    static Set<String> words(String sentence) {
        Set<String> out = new HashSet<>();
        if (sentence == null) {
            return out;
        }
        for (String w : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() < 3 || STOP.contains(w)) {
                continue;
            }
            out.add(stem(w));
        }
        return out;
    }

    private static String stem(String w) {
        for (String suffix : List.of("ers", "ing", "ed", "es", "er", "s")) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 4) {
                return w.substring(0, w.length() - suffix.length());
            }
        }
        return w;
    }
}
