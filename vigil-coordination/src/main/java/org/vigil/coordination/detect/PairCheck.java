package org.vigil.coordination.detect;

/** An extra test two shares of the same object must pass to count as a co-action (e.g. near-duplicate text). */
@FunctionalInterface
public interface PairCheck {
    boolean accept(long objectKey, int refA, int refB);
}
