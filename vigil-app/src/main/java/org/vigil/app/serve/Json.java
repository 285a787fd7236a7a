package org.vigil.app.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's JSON: dates as ISO strings, and {@code <}, {@code >}, and {@code &} written as
 * {@code \\u} escapes, so that even a JSON body a browser mis-sniffs as HTML holds no markup.
 */
final class Json {
    static final ObjectMapper MAPPER = mapper();

    private Json() {
    }

    private static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("vigil-time");
        time.addSerializer(LocalDate.class, ToStringSerializer.instance);
        time.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        ObjectMapper m = new ObjectMapper();
        m.registerModule(time);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        m.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        return m;
    }

    static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An ordered JSON object under construction. */
    static Obj obj() {
        return new Obj();
    }

    static final class Obj extends LinkedHashMap<String, Object> {
        Obj with(String key, Object value) {
            put(key, value);
            return this;
        }
    }

    /** A page of any list, in the shape every paginated endpoint answers with. */
    static Map<String, Object> page(long total, int offset, int limit, Object items) {
        return obj().with("total", total).with("offset", offset).with("limit", limit).with("items", items);
    }

    private static final class HtmlSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
