package org.vigil.flink;

import org.vigil.coordination.NetworkStage;
import org.vigil.model.CoordinationKind;

/**
 * What the detection stage sends to the network stage: {@code count} co-actions ({@link #COACTION}) or
 * lagged co-occurrences ({@link #BACKGROUND}) of {@code kind} between accounts {@code a} and {@code b} on
 * objects of exclusivity {@code level}; a run statistic ({@link #STAT}: {@code a} is its key, {@code count}
 * its value); or a share that came too late for its slice ({@link #LATE}: {@code a} names the post,
 * {@code b} says why).
 */
public final class Tally {
    public static final int COACTION = 0;
    public static final int BACKGROUND = 1;
    public static final int STAT = 2;
    public static final int LATE = 3;

    public int type;
    public int kind;
    public String a;
    public String b;
    public int level;
    public long count;
    /** The report period the tally belongs to (see {@link FlinkSettings#periodOf}); 0 with one report. */
    public long period;

    public Tally() {
    }

    static Tally of(int type, int kind, String a, String b, int level, long count) {
        Tally t = new Tally();
        t.type = type;
        t.kind = kind;
        t.a = a;
        t.b = b;
        t.level = level;
        t.count = count;
        return t;
    }

    /** This tally, marked as belonging to report period {@code p}. */
    Tally in(long p) {
        period = p;
        return this;
    }

    /** Feeds a co-action, background or statistic tally to {@code network}; false for a late share, which the caller reports. */
    boolean feed(NetworkStage network, CoordinationKind[] kinds) {
        switch (type) {
            case COACTION -> network.coActions(kinds[kind], a, b, level, Math.toIntExact(count));
            case BACKGROUND -> network.background(kinds[kind], a, b, level, Math.toIntExact(count));
            case STAT -> network.stat(a, count);
            case LATE -> {
                return false;
            }
            default -> throw new IllegalStateException("unknown tally type " + type);
        }
        return true;
    }
}
