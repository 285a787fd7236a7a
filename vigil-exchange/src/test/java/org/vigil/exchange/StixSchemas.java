package org.vigil.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The OASIS STIX 2.1 JSON schemas of ../shared/reference/stix/schemas, through networknt's draft 2020-12 validator. */
final class StixSchemas {
    private static final String BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private final Path dir;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> cache = new HashMap<>();

    StixSchemas(Path dir) {
        this.dir = dir;
        String local = dir.toUri().toString();
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(BASE, local.endsWith("/") ? local : local + "/")));
    }

    /** The schema file for a STIX type, as validate_stix.py picks it; custom x- types get the core schema. */
    String schemaFor(String type) {
        for (String sub : List.of("sdos", "sros", "observables", "common")) {
            if (Files.exists(dir.resolve(sub).resolve(type + ".json"))) {
                return sub + "/" + type + ".json";
            }
        }
        return type.startsWith("x-") ? "common/core.json" : null;
    }

    /** One line per schema violation of {@code object}; empty when it is valid. */
    List<String> errors(JsonNode object) {
        String type = object.path("type").asText();
        String path = schemaFor(type);
        List<String> out = new ArrayList<>();
        if (path == null) {
            out.add(object.path("id").asText() + ": no schema for type " + type);
            return out;
        }
        JsonSchema schema = cache.computeIfAbsent(path, p -> factory.getSchema(SchemaLocation.of(BASE + p), config));
        Set<ValidationMessage> messages = schema.validate(object);
        for (ValidationMessage m : messages) {
            out.add(object.path("id").asText() + " " + m.getMessage());
        }
        return out;
    }
}
