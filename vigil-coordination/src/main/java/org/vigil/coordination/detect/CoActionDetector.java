package org.vigil.coordination.detect;

import org.vigil.model.CoordinationKind;

/**
 * A co-action detector: a pure function from the time-ordered shares of one object to the pairs of
 * accounts that acted on it together. It keeps nothing between objects, so any engine (in-process,
 * Flink keyed by object) can run it on any partition of the objects. Instances hold scratch space:
 * use one per thread.
 */
public interface CoActionDetector {
    CoordinationKind kind();

    void detect(ObjectShares shares, CoActionSink sink);
}
