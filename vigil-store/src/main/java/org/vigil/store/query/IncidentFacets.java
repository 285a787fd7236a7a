package org.vigil.store.query;

import java.util.List;

/** The values the incident filters can take, each with its count, most frequent first. */
public record IncidentFacets(List<Facet> actors, List<Facet> techniques, List<Facet> statuses, List<Facet> targets) {
    public IncidentFacets {
        actors = List.copyOf(actors);
        techniques = List.copyOf(techniques);
        statuses = List.copyOf(statuses);
        targets = List.copyOf(targets);
    }
}
