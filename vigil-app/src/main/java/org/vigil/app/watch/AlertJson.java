package org.vigil.app.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.store.watch.Alert;

/** The JSON of one alert, as the JSONL file, stdout and webhooks get it. */
final class AlertJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    static String of(Alert a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", a.id());
        o.put("raisedAt", a.raisedAt() == null ? null : a.raisedAt().toString());
        o.put("kind", a.kind());
        o.put("subject", a.subject());
        o.put("summary", a.summary());
        if (a.networkId() != null) {
            o.put("networkId", a.networkId());
        }
        ArrayNode ev = o.putArray("evidence");
        for (Alert.Evidence e : a.evidence()) {
            ObjectNode n = ev.addObject();
            n.put("sentence", e.sentence());
            n.put("url", e.url());
        }
        return o.toString();
    }
}
