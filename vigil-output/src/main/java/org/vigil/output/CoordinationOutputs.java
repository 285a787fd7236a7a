package org.vigil.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.ProgressListener;
import org.vigil.model.Account;
import org.vigil.model.CandidateLean;
import org.vigil.model.CoordinatedNetwork;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.SharedObject;
import org.vigil.model.Stance;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a coordination result: {@code accounts.csv} ({@code account_id,network_id,score}),
 * {@code edges.csv}, {@code networks.json} and {@code network.gexf} (GEXF 1.3, opens in Gephi). Every
 * string from the input is treated as hostile: CSV cells go through {@link Csv} (quoted, formulas
 * guarded), XML goes through a streaming writer after characters XML 1.0 forbids are replaced.
 */
public final class CoordinationOutputs {
    private CoordinationOutputs() {
    }

    /**
     * Writes the result files into {@code dir} (created if needed); returns the paths written.
     * {@code quarantine.csv} is {@link QuarantineFile}'s, written while the input is read.
     */
    public static List<Path> writeAll(Path dir, CoordinationRun run, CoordinationResult result) throws IOException {
        Files.createDirectories(dir);
        Path accounts = dir.resolve("accounts.csv");
        Path edges = dir.resolve("edges.csv");
        Path networks = dir.resolve("networks.json");
        Path gexf = dir.resolve("network.gexf");
        writeAccounts(accounts, result.accounts());
        writeEdges(edges, result.edges());
        writeNetworks(networks, run, result);
        writeGexf(gexf, result);
        return List.of(accounts, networks, edges, gexf);
    }

    public static void writeAccounts(Path file, List<Account> accounts) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Csv.row(w, List.of("account_id", "network_id", "score"));
            for (Account a : accounts) {
                Csv.row(w, List.of(Csv.text(a.accountId()), Csv.value(a.networkId()), Csv.value(a.score())));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static void writeEdges(Path file, List<CoordinationEdge> edges) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> h = new ArrayList<>(List.of("source", "target", "network_id", "weight", "co_actions"));
            for (CoordinationKind k : CoordinationKind.values()) {
                h.add(k.key().replace('-', '_'));
            }
            Csv.row(w, h);
            for (CoordinationEdge e : edges) {
                List<String> row = new ArrayList<>(h.size());
                row.add(Csv.text(e.source()));
                row.add(Csv.text(e.target()));
                row.add(Csv.value(e.networkId()));
                row.add(Csv.value(round(e.significance())));
                row.add(Csv.value(e.totalCoActions()));
                for (CoordinationKind k : CoordinationKind.values()) {
                    row.add(Csv.value(e.coActions().getOrDefault(k, 0)));
                }
                Csv.row(w, row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static void writeNetworks(Path file, CoordinationRun run, CoordinationResult result) throws IOException {
        JsonFactory f = new JsonFactory();
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator g = f.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("run");
            g.writeStringField("run_id", run.runId());
            g.writeStringField("started_at", run.startedAt().toString());
            g.writeStringField("method", run.method());
            g.writeArrayFieldStart("inputs");
            for (String i : run.inputs()) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeNumberField("posts", run.posts());
            g.writeNumberField("quarantined", run.quarantined());
            g.writeObjectFieldStart("settings");
            for (Map.Entry<String, String> e : run.settings().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("stats");
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(result.stats()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("networks");
            for (CoordinatedNetwork n : result.networks()) {
                writeNetwork(g, n);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeNetwork(JsonGenerator g, CoordinatedNetwork n) throws IOException {
        g.writeStartObject();
        g.writeNumberField("network_id", n.networkId());
        g.writeNumberField("size", n.size());
        g.writeNumberField("score", n.score());
        g.writeNumberField("density", n.density());
        g.writeObjectFieldStart("active");
        g.writeStringField("first", iso(n.firstActive()));
        g.writeStringField("last", iso(n.lastActive()));
        g.writeNumberField("days", Math.round((n.lastActive() - n.firstActive()) / 8640.0) / 10.0);
        g.writeEndObject();
        g.writeNumberField("posts", n.posts());
        g.writeObjectFieldStart("co_actions");
        for (CoordinationKind k : CoordinationKind.values()) {
            g.writeNumberField(k.key(), n.coActions().getOrDefault(k, 0));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("evidence");
        objects(g, "links", n.evidence().links());
        objects(g, "domains", n.evidence().domains());
        objects(g, "hashtags", n.evidence().hashtags());
        objects(g, "texts", n.evidence().texts());
        objects(g, "reshared_posts", n.evidence().reshared());
        g.writeEndObject();
        g.writeObjectFieldStart("state_media");
        g.writeNumberField("share", n.stateMediaShare());
        g.writeArrayFieldStart("outlets");
        for (String o : n.stateMediaOutlets()) {
            g.writeString(o);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("candidate_leans");
        for (CandidateLean l : n.leans()) {
            g.writeStartObject();
            g.writeStringField("candidate", l.candidate());
            g.writeStringField("lean", l.lean() == Stance.FAVORS ? "push" : "attack");
            g.writeNumberField("posts", l.posts());
            g.writeNumberField("share", round(l.share()));
            g.writeArrayFieldStart("cues");
            for (String c : l.cues()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("accounts");
        for (String a : n.accounts()) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void objects(JsonGenerator g, String name, List<SharedObject> objects) throws IOException {
        g.writeArrayFieldStart(name);
        for (SharedObject o : objects) {
            g.writeStartObject();
            g.writeStringField("value", o.value());
            g.writeNumberField("accounts", o.accounts());
            g.writeNumberField("shares", o.shares());
            g.writeStringField("first_seen", iso(o.firstSeen()));
            g.writeStringField("last_seen", iso(o.lastSeen()));
            if (!o.detail().isEmpty()) {
                g.writeStringField("detail", o.detail());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** GEXF 1.3: accounts as nodes (network, score, posts), significant links as undirected weighted edges. */
    public static void writeGexf(Path file, CoordinationResult result) throws IOException {
        writeGexf(file, result.accounts(), result.edges());
    }

    /** The same GEXF from accounts and edges alone, e.g. as a stored run holds them. */
    public static void writeGexf(Path file, List<Account> accounts, List<CoordinationEdge> edges) throws IOException {
        writeGexf(file, accounts, edges, ProgressListener.NONE);
    }

    /** As {@link #writeGexf(Path, List, List)}, telling {@code progress} of the nodes and edges written out of their sum. */
    public static void writeGexf(Path file, List<Account> accounts, List<CoordinationEdge> edges, ProgressListener progress)
            throws IOException {
        long total = (long) accounts.size() + edges.size();
        long done = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("gexf");
            x.writeDefaultNamespace("http://gexf.net/1.3");
            x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            x.writeAttribute("xsi", "http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
            x.writeAttribute("version", "1.3");
            x.writeStartElement("meta");
            x.writeAttribute("lastmodifieddate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
            element(x, "creator", "Vigil");
            element(x, "description", "Coordinated account networks: nodes are accounts, edges significant co-action links");
            x.writeEndElement();
            x.writeStartElement("graph");
            x.writeAttribute("mode", "static");
            x.writeAttribute("defaultedgetype", "undirected");
            x.writeStartElement("attributes");
            x.writeAttribute("class", "node");
            attribute(x, "network", "network_id", "integer");
            attribute(x, "score", "score", "double");
            attribute(x, "posts", "posts", "integer");
            x.writeEndElement();
            x.writeStartElement("attributes");
            x.writeAttribute("class", "edge");
            attribute(x, "network", "network_id", "integer");
            for (CoordinationKind k : CoordinationKind.values()) {
                attribute(x, k.key(), k.key(), "integer");
            }
            x.writeEndElement();
            x.writeStartElement("nodes");
            for (Account a : accounts) {
                x.writeStartElement("node");
                x.writeAttribute("id", xmlSafe(a.accountId()));
                x.writeAttribute("label", xmlSafe(a.accountId()));
                x.writeStartElement("attvalues");
                attvalue(x, "network", Integer.toString(a.networkId()));
                attvalue(x, "score", Double.toString(a.score()));
                attvalue(x, "posts", Integer.toString(a.posts()));
                x.writeEndElement();
                x.writeEndElement();
                progress.progress("nodes and edges written", ++done, total);
            }
            x.writeEndElement();
            x.writeStartElement("edges");
            int id = 0;
            for (CoordinationEdge e : edges) {
                x.writeStartElement("edge");
                x.writeAttribute("id", Integer.toString(id++));
                x.writeAttribute("source", xmlSafe(e.source()));
                x.writeAttribute("target", xmlSafe(e.target()));
                x.writeAttribute("weight", Double.toString(round(e.significance())));
                x.writeStartElement("attvalues");
                attvalue(x, "network", Integer.toString(e.networkId()));
                for (CoordinationKind k : CoordinationKind.values()) {
                    attvalue(x, k.key(), Integer.toString(e.coActions().getOrDefault(k, 0)));
                }
                x.writeEndElement();
                x.writeEndElement();
                progress.progress("nodes and edges written", ++done, total);
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException(file + ": cannot write GEXF: " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void attribute(XMLStreamWriter x, String id, String title, String type) throws XMLStreamException {
        x.writeEmptyElement("attribute");
        x.writeAttribute("id", id);
        x.writeAttribute("title", title);
        x.writeAttribute("type", type);
    }

    private static void attvalue(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", key);
        x.writeAttribute("value", value);
    }

    /**
     * Replaces what XML 1.0 cannot carry at all (control characters other than tab, LF and CR, lone
     * surrogates, U+FFFE/U+FFFF) with U+FFFD; the XML writer escapes the rest.
     */
    public static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) {
                        b.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '\uFFFD');
            }
        }
        return b == null ? s : b.toString();
    }

    public static String iso(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).toString();
    }

    public static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** A readable, reproducible run id: its start (UTC, to the second) plus a hash of its inputs and settings. */
    public static String runId(Instant started, List<String> inputs, CoordinationSettings settings) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(String.join("\n", inputs).getBytes(StandardCharsets.UTF_8));
            d.update(settings.asMap().toString().getBytes(StandardCharsets.UTF_8));
            String h = HexFormat.of().formatHex(d.digest()).substring(0, 10);
            return "coord-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(started) + "-" + h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
