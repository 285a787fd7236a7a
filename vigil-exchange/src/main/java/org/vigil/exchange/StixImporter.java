package org.vigil.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a STIX 2.1 bundle into the store's {@code stix_objects} table: Vigil's own bundles and other
 * producers' (DISARM's, ATT&CK's, an OpenCTI export). The file is read twice, one object at a time,
 * so memory holds one object plus the set of ids, however large the bundle: the first pass checks
 * everything (JSON, the bundle's shape, each object's type, id and timestamps, that every reference
 * resolves to an object in the bundle or already in the store), the second writes it in one
 * transaction. A bundle with any problem is refused whole, with one line per problem.
 */
public final class StixImporter {
    /** Problems reported before giving up on a bundle; the rest are counted. */
    static final int MAX_PROBLEMS = 20;
    /** Longest string one object may hold: bounds the memory one object can take. */
    static final int MAX_STRING_CHARS = 8_000_000;

    /** STIX 2.1 object types: domain, relationship, cyber-observable and meta objects. */
    static final Set<String> TYPES = Set.of(
            "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
            "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
            "opinion", "report", "threat-actor", "tool", "vulnerability",
            "relationship", "sighting",
            "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
            "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
            "user-account", "windows-registry-key", "x509-certificate",
            "marking-definition", "extension-definition", "language-content");
    private static final Set<String> OBSERVABLES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");
    private static final Pattern CUSTOM = Pattern.compile("x-[a-z0-9][a-z0-9-]*");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    /** The four TLP 1.0 markings STIX 2.1 predefines: a bundle may reference them without including them. */
    static final Set<String> TLP = Set.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

    /** What an import did, by STIX type: new objects, newer versions that replaced older ones, and older or equal ones left alone. */
    public record Result(int objects, int added, int replaced, int unchanged, Map<String, Integer> byType) {
    }

    /** A bundle refused whole; {@link #problems()} are one line each, naming the file, line and object. */
    public static final class Refused extends VigilException {
        private final List<String> problems;

        Refused(Path file, List<String> problems, int more) {
            super(file + ": " + (problems.size() + more) + (problems.size() + more == 1 ? " problem" : " problems")
                    + "; nothing was imported: fix the bundle (or export it again from its producer) and import it again");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).maxNestingDepth(64).build())
            .build());

    private final VigilStore store;
    /** Runs between the two passes; tests use it to change the file under the importer. */
    Runnable betweenPasses = () -> { };

    public StixImporter(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    /** Checks and imports {@code file}; throws {@link Refused} (nothing imported) when anything in it is wrong. */
    public Result importBundle(Path file) {
        Objects.requireNonNull(file, "The parameter 'file' must not be null.");
        if (!Files.isRegularFile(file)) {
            throw new VigilException("no file " + file + ": pass the path of a STIX 2.1 bundle (.json)");
        }
        ExchangeSchema.migrate(store);
        Check check = new Check(file);
        check.run();
        Set<String> known = store.read(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM stix_objects WHERE id = ?")) {
                for (String ref : check.refs.keySet()) {
                    if (!check.ids.contains(ref) && !TLP.contains(ref)) {
                        ps.setString(1, ref);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                found.add(ref);
                            }
                        }
                    }
                }
            }
            return found;
        });
        for (Map.Entry<String, String> r : check.refs.entrySet()) {
            if (!check.ids.contains(r.getKey()) && !TLP.contains(r.getKey()) && !known.contains(r.getKey())) {
                check.problem(r.getValue() + " refers to " + r.getKey() + ", which is neither in the bundle nor in the store");
            }
        }
        if (check.problemCount > 0) {
            throw new Refused(file, check.problems, check.problemCount - check.problems.size());
        }
        betweenPasses.run();
        return store.write(c -> write(c, file));
    }

    /** The first pass: everything is checked, nothing is kept but ids and references. */
    private static final class Check {
        final Path file;
        final Set<String> ids = new HashSet<>();
        /** Each referenced id, with where it is first referenced. */
        final Map<String, String> refs = new HashMap<>();
        final List<String> problems = new ArrayList<>();
        int problemCount;

        Check(Path file) {
            this.file = file;
        }

        void problem(String line) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(line);
            }
        }

        void run() {
            try (InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
                forEachObject(p, file, (index, line, o) -> object(index, line, o), this::problem);
            } catch (JsonProcessingException e) {
                JsonLocation l = e.getLocation();
                problem(file + (l == null ? "" : " line " + l.getLineNr() + " column " + l.getColumnNr())
                        + ": not valid JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                throw new VigilException("cannot read " + file + ": " + e.getMessage() + "; check the path and permissions", e);
            }
        }

        private void object(int index, int line, JsonNode o) {
            String where = file + " line " + line + ", object " + index;
            if (!o.isObject()) {
                problem(where + ": not a JSON object");
                return;
            }
            String type = o.path("type").asText(null);
            String id = o.path("id").asText(null);
            if (type == null) {
                problem(where + ": has no 'type'");
                return;
            }
            where += " (" + (id == null ? type : id) + ")";
            if (!TYPES.contains(type) && !CUSTOM.matcher(type).matches()) {
                problem(where + ": '" + type + "' is not a STIX 2.1 type (custom types start with 'x-')");
                return;
            }
            if (!StixIds.valid(id, type)) {
                problem(where + ": 'id' must be " + type + "--UUID, got " + (id == null ? "none" : "'" + id + "'"));
                return;
            }
            String spec = o.path("spec_version").asText("2.1");
            if (!spec.equals("2.1")) {
                problem(where + ": spec_version '" + spec + "' is not 2.1; convert STIX 2.0 content to 2.1 first");
            }
            boolean observable = OBSERVABLES.contains(type);
            List<String> stamps = observable ? List.of() : type.equals("marking-definition") ? List.of("created") : List.of("created", "modified");
            for (String field : stamps) {
                String value = o.path(field).asText(null);
                if (value == null || !TIMESTAMP.matcher(value).matches()) {
                    problem(where + ": '" + field + "' must be an RFC 3339 UTC timestamp such as 2024-10-01T12:00:00.000Z, got "
                            + (value == null ? "none" : "'" + value + "'"));
                }
            }
            ids.add(id);
            collectRefs(o, "", where);
        }

        private void collectRefs(JsonNode node, String key, String where) {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    collectRefs(f.getValue(), f.getKey(), where);
                }
            } else if (node.isArray()) {
                for (JsonNode n : node) {
                    collectRefs(n, key, where);
                }
            } else if (node.isTextual() && (key.endsWith("_ref") || key.endsWith("_refs"))) {
                refs.putIfAbsent(node.asText(), where + " " + key);
            }
        }
    }

    @FunctionalInterface
    private interface ObjectSink {
        void accept(int index, int line, JsonNode object) throws SQLException, IOException;
    }

    /** Walks a bundle with a streaming parser, handing over one object of 'objects' at a time. */
    private static void forEachObject(JsonParser p, Path file, ObjectSink sink, java.util.function.Consumer<String> problem)
            throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            problem.accept(file + " line 1: a STIX bundle is a JSON object with \"type\": \"bundle\" and a list \"objects\"");
            return;
        }
        boolean bundle = false;
        boolean objects = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            if (field.equals("type")) {
                bundle = t == JsonToken.VALUE_STRING && p.getText().equals("bundle");
            } else if (field.equals("objects") && t == JsonToken.START_ARRAY) {
                objects = true;
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int line = p.currentTokenLocation().getLineNr();
                    JsonNode o = MAPPER.readTree(p);
                    try {
                        sink.accept(index++, line, o);
                    } catch (SQLException e) {
                        throw new SqlInside(e);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (!bundle) {
            problem.accept(file + ": the top-level object is not a STIX bundle (it needs \"type\": \"bundle\")");
        }
        if (!objects) {
            problem.accept(file + ": the bundle has no list \"objects\"");
        }
    }

    /** Carries an SQL failure out of the streaming walk. */
    private static final class SqlInside extends RuntimeException {
        SqlInside(SQLException e) {
            super(e);
        }
    }

    /**
     * The second pass: every object goes through DuckDB's appender into a staging table (a row at a
     * time from the stream), and one set of statements merges the newest version of each id into
     * {@code stix_objects}. All of it runs in the caller's transaction, staging tables included.
     */
    private Result write(Connection c, Path file) throws SQLException {
        String source = file.getFileName().toString();
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS stix_import_staging");
            st.execute("""
                    CREATE TABLE stix_import_staging (ord BIGINT, id VARCHAR, type VARCHAR, name VARCHAR, modified VARCHAR,
                        created_by_ref VARCHAR, external_ids VARCHAR, description VARCHAR, json VARCHAR, source VARCHAR)""");
        }
        try (DuckDBAppender a = c.unwrap(DuckDBConnection.class).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stix_import_staging");
             InputStream in = Files.newInputStream(file); JsonParser p = MAPPER.createParser(in)) {
            forEachObject(p, file, (index, line, o) -> {
                a.beginRow().append((long) index);
                text(a, o.path("id").asText());
                text(a, o.path("type").asText());
                text(a, o.path("name").asText(null));
                text(a, o.path("modified").asText(o.path("created").asText(null)));
                text(a, o.path("created_by_ref").asText(null));
                text(a, externalIds(o));
                text(a, o.path("description").asText(null));
                text(a, MAPPER.writeValueAsString(o));
                text(a, source);
                a.endRow();
            }, problem -> {
                throw new VigilException(problem + " (the file changed while it was imported; nothing was imported)");
            });
        } catch (SqlInside e) {
            throw (SQLException) e.getCause();
        } catch (IOException e) {
            throw new VigilException("cannot read " + file + " a second time: " + e.getMessage() + "; nothing was imported", e);
        }
        Map<String, Integer> byType = new TreeMap<>();
        int objects = 0;
        int added;
        int replaced;
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT type, count(*) FROM stix_import_staging GROUP BY type")) {
                while (rs.next()) {
                    byType.put(rs.getString(1), rs.getInt(2));
                    objects += rs.getInt(2);
                }
            }
            // one version per id: the newest, and of equal ones the last in the file
            st.execute("""
                    CREATE TABLE stix_import_latest AS SELECT * FROM stix_import_staging
                    QUALIFY row_number() OVER (PARTITION BY id ORDER BY modified DESC NULLS LAST, ord DESC) = 1""");
            String newer = "l.modified IS NOT NULL AND l.modified > coalesce(o.modified, '')";
            try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE o.id IS NULL), count(*) FILTER (WHERE o.id IS NOT NULL AND "
                    + newer + ") FROM stix_import_latest l LEFT JOIN stix_objects o ON o.id = l.id")) {
                rs.next();
                added = rs.getInt(1);
                replaced = rs.getInt(2);
            }
            st.execute("DELETE FROM stix_objects WHERE id IN (SELECT l.id FROM stix_import_latest l JOIN stix_objects o ON o.id = l.id WHERE "
                    + newer + ")");
            st.execute("""
                    INSERT INTO stix_objects (id, type, name, modified, created_by_ref, external_ids, description, json, source)
                    SELECT id, type, name, modified, created_by_ref, external_ids, description, json, source FROM stix_import_latest
                    WHERE id NOT IN (SELECT id FROM stix_objects)""");
            st.execute("DROP TABLE stix_import_latest");
            st.execute("DROP TABLE stix_import_staging");
        }
        return new Result(objects, added, replaced, objects - added - replaced, byType);
    }

    private static void text(DuckDBAppender a, String s) throws SQLException {
        if (s == null) {
            a.appendNull();
        } else {
            a.append(s);
        }
    }

    private static String externalIds(JsonNode o) {
        List<String> ids = new ArrayList<>();
        for (JsonNode r : o.path("external_references")) {
            if (r.hasNonNull("external_id")) {
                ids.add(r.path("source_name").asText() + " " + r.path("external_id").asText());
            }
        }
        return ids.isEmpty() ? null : String.join("; ", ids);
    }
}
