package org.vigil.store.query;

import java.util.List;

/**
 * What a graph view can draw of one network: its strongest members and the links among them.
 * {@code totalNodes} and {@code totalEdges} count the whole network, so a view can say when it
 * shows only part of it.
 */
public record NetworkGraph(List<AccountRow> nodes, List<EdgeRow> edges, long totalNodes, long totalEdges) {
    public NetworkGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public boolean truncated() {
        return nodes.size() < totalNodes || edges.size() < totalEdges;
    }
}
