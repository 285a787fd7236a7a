package org.vigil.store;

import java.time.LocalDate;

/**
 * What part of the store a report looks at. {@code from} and {@code to} bound the article's
 * published date, both inclusive; when either is set, articles with no known date are left out.
 * {@code holder} (ISO code) and {@code target} (candidate) narrow claims exactly; for the incident
 * timeline {@code holder} narrows the actor, while {@code target} and the hedged/disputed switches
 * do not apply (incidents carry no such flags). {@code cycle} is the election a claim is about (see
 * {@link CycleSql}), not the year it was published. Nulls mean "any".
 */
public record ReportFilter(LocalDate from, LocalDate to, String holder, String target,
                           boolean includeHedged, boolean includeDisputed, Integer cycle) {

    /** Any cycle. */
    public ReportFilter(LocalDate from, LocalDate to, String holder, String target, boolean includeHedged, boolean includeDisputed) {
        this(from, to, holder, target, includeHedged, includeDisputed, null);
    }

    public ReportFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The period is empty: 'from' (" + from + ") is after 'to' (" + to + ").");
        }
        holder = blankToNull(holder);
        target = blankToNull(target);
    }

    /** Everything: any date, any holder and target, hedged and disputed claims included. */
    public static ReportFilter all() {
        return new ReportFilter(null, null, null, null, true, true);
    }

    public ReportFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new ReportFilter(newFrom, newTo, holder, target, includeHedged, includeDisputed, cycle);
    }

    public ReportFilter withCell(String newHolder, String newTarget) {
        return new ReportFilter(from, to, newHolder, newTarget, includeHedged, includeDisputed, cycle);
    }

    public ReportFilter withFlags(boolean hedged, boolean disputed) {
        return new ReportFilter(from, to, holder, target, hedged, disputed, cycle);
    }

    public ReportFilter withCycle(Integer newCycle) {
        return new ReportFilter(from, to, holder, target, includeHedged, includeDisputed, newCycle);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
