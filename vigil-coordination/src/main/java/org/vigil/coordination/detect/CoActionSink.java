package org.vigil.coordination.detect;

/**
 * Receives co-actions: account {@code a} shared the object at {@code timeA} (share reference {@code refA}),
 * account {@code b} at {@code timeB} ({@code refB}); {@code timeA <= timeB}.
 */
@FunctionalInterface
public interface CoActionSink {
    void coAction(int a, int b, long timeA, long timeB, int refA, int refB);
}
