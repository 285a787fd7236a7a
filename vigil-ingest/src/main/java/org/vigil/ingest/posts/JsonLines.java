package org.vigil.ingest.posts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Small helpers over Jackson's streaming parser shared by the JSON-lines post parsers. */
final class JsonLines {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonLines() {
    }

    /** The text of a scalar value, or null for null, objects and arrays (which are skipped). */
    static String scalar(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null || t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** The string items of an array value (null items dropped); null when the value is not an array. */
    static List<String> stringArray(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        List<String> out = new ArrayList<>(4);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL) {
                String v = p.getText();
                if (!v.isBlank()) {
                    out.add(v);
                }
            } else {
                p.skipChildren();
            }
        }
        return out;
    }

    /** One line describing a parse error, with the column where it happened. */
    static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int nl = msg == null ? -1 : msg.indexOf('\n');
        if (nl >= 0) {
            msg = msg.substring(0, nl);
        }
        var where = e.getLocation();
        return "broken JSON: " + msg + (where != null ? " at column " + where.getColumnNr() : "")
                + "; fix or remove the line";
    }

    static String describeStart(JsonToken t) {
        return t == null ? "nothing" : switch (t) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            default -> "'" + t.asString() + "'";
        };
    }
}
