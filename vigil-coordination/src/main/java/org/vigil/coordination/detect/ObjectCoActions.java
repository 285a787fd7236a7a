package org.vigil.coordination.detect;

import org.vigil.coordination.score.CoActionCounts;
import org.vigil.model.CoordinationKind;

/**
 * The detection stage for one object of one kind: from its time-ordered shares to the co-actions that
 * Vigil's method counts, each tagged with the object's exclusivity level, and (for exclusive objects,
 * when the exclusivity test is on) the lagged co-occurrences of the background sample. It keeps nothing
 * between objects, so an engine may run it wherever the shares of an object meet: the in-process engine
 * over its share tables, a stream job in the operator keyed by object.
 *
 * <p>Only co-actions whose later share is at or after {@code countFrom} are reported: a run fed in slices
 * passes the slice's start, and the shares before it (the previous slice's last stretch, its history) are
 * there only as partners. The level counts the distinct accounts among all the shares given.
 * Holds scratch space: one instance per thread.
 */
public final class ObjectCoActions {
    /** Receives what one object yields; account numbers are those of the {@link ObjectShares} given. */
    public interface Sink {
        /** Account {@code a} (the earlier share) and {@code b} acted on the object together. */
        void coAction(int a, int b, int level);

        /** A lagged co-occurrence of {@code a} (earlier) and {@code b} on an exclusive object. */
        void background(int a, int b, int level);
    }

    private final CoordinationKind kind;
    private final CoActionDetector detector;
    private final LaggedCoOccurrences lagged;
    private final DistinctAccounts distinct = new DistinctAccounts();
    private final ForwardingSink forward = new ForwardingSink();

    /**
     * @param check   the pair check of the kind (near-duplicate test of co-similar-text), or null
     * @param lagFrom start of the background lag band in seconds; with {@code lagTo} 0 there is no background
     * @param lagTo   end of the band (inclusive), or 0 when the exclusivity test is off
     */
    public ObjectCoActions(CoordinationKind kind, long windowSeconds, int maxPartners, PairCheck check, long lagFrom, long lagTo) {
        this.kind = kind;
        this.detector = new WindowedCoActionDetector(kind, windowSeconds, maxPartners, check);
        this.lagged = lagTo <= 0 ? null : new LaggedCoOccurrences(lagFrom, lagTo, 4 * maxPartners);
    }

    public CoordinationKind kind() {
        return kind;
    }

    /** Runs the stage over {@code shares} (oldest first); returns the object's exclusivity level. */
    public int detect(ObjectShares shares, long countFrom, Sink sink) {
        int level = CoActionCounts.level(distinct.count(shares));
        ForwardingSink f = forward;
        f.sink = sink;
        f.level = level;
        f.countFrom = countFrom;
        f.shares = shares;
        detector.detect(shares, f);
        if (lagged != null && level < CoActionCounts.EXCLUSIVE_LEVELS) {
            lagged.detect(shares, f);
        }
        f.sink = null;
        f.shares = null;
        return level;
    }

    private static final class ForwardingSink implements CoActionSink, LaggedCoOccurrences.Sink {
        Sink sink;
        ObjectShares shares;
        int level;
        long countFrom;

        @Override
        public void coAction(int a, int b, long timeA, long timeB, int refA, int refB) {
            if (timeB >= countFrom) {
                sink.coAction(a, b, level);
            }
        }

        @Override
        public void coOccurrence(int a, int b, int later) {
            if (shares.time(later) >= countFrom) {
                sink.background(a, b, level);
            }
        }
    }
}
