package org.vigil.store;

import java.time.LocalDate;

/**
 * One cell of the who-wants-whom matrix: a foreign state ({@code holder}) and a candidate
 * ({@code target}, {@code *} for "no clear preference"). Counts are articles, not sentences: an
 * article that says the same thing in three sentences counts once per stance. The shares are
 * over those article-stance pairs. {@code independentSources} counts distinct source domains
 * behind the cell; {@code first} and {@code last} are the earliest and latest published dates
 * of its articles, null when none is known.
 */
public record MatrixRow(String holder, String target, long favors, long opposes, long none,
                        double shareHedged, double shareDisputed, long independentSources,
                        LocalDate first, LocalDate last) {

    /** Favours minus opposes: the colour of the cell in a heat map. */
    public long balance() {
        return favors - opposes;
    }

    public long total() {
        return favors + opposes + none;
    }
}
