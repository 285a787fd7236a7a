package org.vigil.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One invocation of the coordination detector, as stored: an id, when it ran, on which inputs,
 * how (method and settings as dotted keys), and how many posts were read and quarantined.
 */
public record CoordinationRun(String runId, Instant startedAt, List<String> inputs, String method,
                              Map<String, String> settings, long posts, long quarantined) {
    public CoordinationRun {
        inputs = List.copyOf(inputs);
        settings = Map.copyOf(settings);
    }
}
