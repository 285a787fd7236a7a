package org.vigil.store.query;

import java.time.LocalDate;

/** How much news the store holds, and the span of its publication dates (null when no article is dated). */
public record NewsTotals(long articles, long sources, long claims, long incidents, LocalDate firstPublished,
                         LocalDate lastPublished) {
}
