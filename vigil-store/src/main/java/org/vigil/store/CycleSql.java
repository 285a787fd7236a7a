package org.vigil.store;

/**
 * The stored cycle of a claim or incident as an SQL expression over its row ({@code alias}) and its
 * article ({@code a}). Rows written before cycles were stored, or without a {@link CycleLabeller},
 * have none; for them the publication date decides as the extractor's own last rule does: an even
 * year is its cycle, January to June of an odd year the election just held, July to December the next.
 */
public final class CycleSql {
    private CycleSql() {
    }

    /** The expression for rows of table alias {@code alias} (a fixed name chosen by the caller, never input). */
    public static String of(String alias) {
        if (!alias.matches("[a-z]{1,3}")) {
            throw new IllegalArgumentException("The parameter 'alias' must be a short table alias, got '" + alias + "'.");
        }
        return "coalesce(" + alias + ".cycle, CASE WHEN year(a.published) % 2 = 0 THEN year(a.published)"
                + " WHEN month(a.published) <= 6 THEN year(a.published) - 1 ELSE year(a.published) + 1 END)";
    }
}
