package org.vigil.store.query;

/**
 * One month of a state's stance toward a candidate: articles (not sentences) favouring, opposing
 * and holding no preference, by the month they were published ({@code YYYY-MM}).
 */
public record TrendPoint(String month, long favors, long opposes, long none) {
    /** Favours minus opposes, as in the matrix. */
    public long balance() {
        return favors - opposes;
    }
}
