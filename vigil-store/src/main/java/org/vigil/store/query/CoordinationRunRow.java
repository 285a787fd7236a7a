package org.vigil.store.query;

import java.time.Instant;
import java.util.List;

/** One stored run of {@code vigil coordinate}: when, on what, how, and how much it found. */
public record CoordinationRunRow(String runId, Instant startedAt, String method, List<String> inputs, long posts,
                                 long quarantined, int networks, int accounts, int edges) {
    public CoordinationRunRow {
        inputs = List.copyOf(inputs);
    }
}
