package org.vigil.model;

import java.util.List;

/** The objects a coordinated network shared most, per kind, each with its first and last time. */
public record NetworkEvidence(List<SharedObject> links, List<SharedObject> domains, List<SharedObject> hashtags,
                              List<SharedObject> texts, List<SharedObject> reshared) {
    public NetworkEvidence {
        links = List.copyOf(links);
        domains = List.copyOf(domains);
        hashtags = List.copyOf(hashtags);
        texts = List.copyOf(texts);
        reshared = List.copyOf(reshared);
    }

    public static NetworkEvidence empty() {
        return new NetworkEvidence(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
