package org.vigil.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.model.Claim;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;

/**
 * Writes an extraction as one line of the gold format of the evaluation corpus (ANNOTATION.md).
 * With {@code details}, each item also carries the evidence offsets, the actor mention and the
 * DISARM technique id (extra fields that the scorer ignores).
 */
public final class GoldFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoldFormat() {
    }

    public static String line(String doc, Extraction x, boolean details) {
        ObjectNode root = JSON.createObjectNode();
        root.put("doc", doc);
        ArrayNode claims = root.putArray("claims");
        for (Claim c : x.claims()) {
            ObjectNode o = claims.addObject();
            o.put("holder", c.holder());
            o.put("target", c.target());
            o.put("stance", c.stance().wire());
            o.put("hedged", c.hedged());
            o.put("disputed", c.disputed());
            o.put("basis", c.basis().wire());
            o.put("evidence", c.evidence().sentence());
            if (details) {
                o.put("evidence_start", c.evidence().start());
                o.put("evidence_end", c.evidence().end());
                o.put("actor_mention", c.actor());
            }
        }
        ArrayNode incidents = root.putArray("incidents");
        for (Incident i : x.incidents()) {
            ObjectNode o = incidents.addObject();
            o.put("actor", i.actor());
            o.put("technique", i.technique().wire());
            o.put("target", i.target().wire());
            o.put("status", i.status().wire());
            if (i.year() == null) {
                o.putNull("year");
            } else {
                o.put("year", i.year());
            }
            o.put("evidence", i.evidence().sentence());
            if (details) {
                o.put("evidence_start", i.evidence().start());
                o.put("evidence_end", i.evidence().end());
                o.put("disarm_id", i.disarmId());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise extraction of " + doc, e);
        }
    }
}
