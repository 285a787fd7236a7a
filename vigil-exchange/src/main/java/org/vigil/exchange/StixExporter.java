package org.vigil.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.extract.DisarmMapping;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.gazetteer.Mention;
import org.vigil.model.Technique;
import org.vigil.store.VigilStore;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a store's findings as one STIX 2.1 bundle (see docs/exchange.md for the mapping): Vigil's
 * identity, a report per article with findings, a threat-actor per foreign state, an intrusion-set
 * per named group, an attack-pattern per technique (DISARM id, and the ATT&CK id where one applies),
 * a campaign per (state, technique, year) with its uses / targets / attributed-to relationships, a
 * note per claim, and a grouping per coordinated network of the latest run with its accounts and
 * links as observables. Objects Vigil imported from other producers go out unchanged beside them.
 *
 * <p>Every id is a UUIDv5 of a natural key and every timestamp comes from the store, so exporting
 * the same store twice gives the same bytes; objects are written sorted by id.
 */
public final class StixExporter {
    /** The STIX 2.1 predefined TLP:WHITE marking; referenced, not included, as STIX allows. */
    public static final String TLP_WHITE = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    static final String IDENTITY = StixIds.of("identity", "vigil");
    static final String EXTENSION = StixIds.of("extension-definition", "vigil-findings", "1");
    /** When Vigil's identity and extension were first defined; fixed so that re-exports do not change them. */
    private static final String DEFINED = "2026-01-01T00:00:00.000Z";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** Which findings go out: articles published on or after {@code since}, claims and incidents of state {@code actor}. */
    public record Filter(LocalDate since, String actor) {
        public static final Filter ALL = new Filter(null, null);

        public Filter {
            if (actor != null && !actor.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("The parameter 'actor' must be an ISO 3166-1 alpha-2 code such as RU, got '" + actor + "'.");
            }
        }

        boolean all() {
            return since == null && actor == null;
        }
    }

    /** What an export wrote, by STIX type. */
    public record Summary(int objects, Map<String, Integer> byType) {
    }

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final VigilStore store;
    private final Gazetteer gazetteer = Gazetteer.standard();

    public StixExporter(VigilStore store) {
        this.store = Objects.requireNonNull(store, "The parameter 'store' must not be null.");
    }

    /** Writes the bundle to {@code out} (left open) and says what it held. */
    public Summary export(Filter filter, OutputStream out) throws IOException {
        return export(filter, out, ExportProgress.NONE);
    }

    /**
     * As {@link #export(Filter, OutputStream)}, telling {@code progress} of the claims and incidents
     * read, the reports built and the objects written, each out of a total counted first.
     */
    public Summary export(Filter filter, OutputStream out, ExportProgress progress) throws IOException {
        Objects.requireNonNull(filter, "The parameter 'filter' must not be null.");
        Objects.requireNonNull(progress, "The parameter 'progress' must not be null.");
        TreeMap<String, ObjectNode> objects = store.read(c -> collect(c, filter, progress));
        StringBuilder key = new StringBuilder();
        for (ObjectNode o : objects.values()) {
            key.append(o.path("id").asText()).append('@').append(o.path("modified").asText()).append('\n');
        }
        Map<String, Integer> byType = new TreeMap<>();
        // streamed object by object, with the same pretty printer as writing the whole bundle at once
        try (JsonGenerator g = JSON.writer().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "bundle");
            g.writeStringField("id", "bundle--" + StixIds.uuid5(StixIds.VIGIL, key.toString()));
            g.writeArrayFieldStart("objects");
            long written = 0;
            for (ObjectNode o : objects.values()) {
                g.writeTree(o);
                byType.merge(o.path("type").asText(), 1, Integer::sum);
                progress.progress("objects written", ++written, objects.size());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
        return new Summary(objects.size(), byType);
    }

    private record ArticleRow(String id, String doc, String url, String title, LocalDate published, String stamp) {
    }

    /** Timestamps of the articles behind an object: created is the first, modified the last. */
    private static final class Span {
        String first;
        String last;

        void add(String stamp) {
            if (first == null || stamp.compareTo(first) < 0) {
                first = stamp;
            }
            if (last == null || stamp.compareTo(last) > 0) {
                last = stamp;
            }
        }
    }

    /** The objects one article supports, for its report's object_refs. */
    private final Map<String, SortedSet<String>> supports = new TreeMap<>();

    private TreeMap<String, ObjectNode> collect(Connection c, Filter filter, ExportProgress progress) throws SQLException {
        supports.clear();
        TreeMap<String, ObjectNode> out = new TreeMap<>();
        out.put(IDENTITY, identity());
        out.put(EXTENSION, extensionDefinition());
        Map<String, ArticleRow> articles = articles(c, filter);
        Map<String, Span> spans = new TreeMap<>();
        Map<String, SortedSet<String>> stateAliases = new TreeMap<>();
        Map<String, Groups.Group> groups = new TreeMap<>();
        claims(c, filter, articles, out, spans, stateAliases, groups, progress);
        incidents(c, filter, articles, out, spans, groups, progress);
        for (Map.Entry<String, SortedSet<String>> e : stateAliases.entrySet()) {
            out.put(StixIds.of("threat-actor", e.getKey()), threatActor(e.getKey(), e.getValue(), spans.get(e.getKey())));
        }
        for (Groups.Group g : groups.values()) {
            String id = StixIds.of("intrusion-set", g.name());
            Span span = spans.get(id);
            out.put(id, intrusionSet(g, span));
            String ta = StixIds.of("threat-actor", g.state());
            if (!out.containsKey(ta)) {
                out.put(ta, threatActor(g.state(), new TreeSet<>(), span));
            }
            ObjectNode rel = relationship("attributed-to", id, ta, span);
            out.put(rel.path("id").asText(), rel);
            for (SortedSet<String> refs : supports.values()) {
                if (refs.contains(id)) {
                    refs.add(ta);
                    refs.add(rel.path("id").asText());
                }
            }
        }
        long built = 0;
        for (Map.Entry<String, SortedSet<String>> e : supports.entrySet()) {
            ArticleRow a = articles.get(e.getKey());
            out.put(StixIds.of("report", a.id()), report(c, a, e.getValue()));
            progress.progress("reports built", ++built, supports.size());
        }
        if (filter.all()) {
            networks(c, out);
            imported(c, out, progress);
        }
        return out;
    }

    private static Map<String, ArticleRow> articles(Connection c, Filter f) throws SQLException {
        Map<String, ArticleRow> map = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, doc, url, title, published, first_seen FROM articles
                WHERE ? IS NULL OR coalesce(published, CAST(first_seen AS DATE)) >= ?""")) {
            ps.setObject(1, f.since());
            ps.setObject(2, f.since());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate published = rs.getObject(5, LocalDate.class);
                    map.put(rs.getString(1), new ArticleRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), published, stamp(rs.getTimestamp(6))));
                }
            }
        }
        return map;
    }

    private void claims(Connection c, Filter f, Map<String, ArticleRow> articles, Map<String, ObjectNode> out,
                        Map<String, Span> spans, Map<String, SortedSet<String>> stateAliases,
                        Map<String, Groups.Group> groups, ExportProgress progress) throws SQLException {
        long total = count(c, "SELECT count(*) FROM claims WHERE ? IS NULL OR holder = ?", f.actor(), f.actor());
        long done = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT c.id, c.article_id, c.holder, c.target, c.stance, c.hedged, c.disputed, c.basis, c.actor, e.sentence
                FROM claims c LEFT JOIN evidence e ON e.id = c.evidence_id
                WHERE ? IS NULL OR c.holder = ? ORDER BY c.id""")) {
            ps.setString(1, f.actor());
            ps.setString(2, f.actor());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    progress.progress("claims read", ++done, total);
                    ArticleRow a = articles.get(rs.getString(2));
                    if (a == null) {
                        continue;
                    }
                    String holder = rs.getString(3);
                    String mention = rs.getString(9);
                    String ta = StixIds.of("threat-actor", holder);
                    span(spans, holder, a.stamp());
                    SortedSet<String> aliases = stateAliases.computeIfAbsent(holder, k -> new TreeSet<>());
                    List<String> refs = new ArrayList<>(List.of(StixIds.of("report", a.id()), ta));
                    Mention m = mention == null ? null : whole(mention, holder);
                    if (m != null && m.kind().equals("group")) {
                        Groups.Group g = Groups.of(mention, holder);
                        groups.putIfAbsent(g.name(), g);
                        String is = StixIds.of("intrusion-set", g.name());
                        span(spans, is, a.stamp());
                        refs.add(is);
                        support(a, is);
                    } else if (m != null && m.kind().equals("state")) {
                        aliases.add(mention);
                    }
                    support(a, ta);
                    ObjectNode note = note(rs, a, refs);
                    out.put(note.path("id").asText(), note);
                    support(a, note.path("id").asText());
                }
            }
        }
    }

    /** The gazetteer entry a whole mention resolves to, when it counts for {@code state}. */
    private Mention whole(String mention, String state) {
        List<Mention> ms = gazetteer.actors(mention);
        if (ms.size() == 1 && ms.get(0).start() == 0 && ms.get(0).end() == mention.length() && ms.get(0).value().equals(state)) {
            return ms.get(0);
        }
        return null;
    }

    private ObjectNode note(ResultSet rs, ArticleRow a, List<String> refs) throws SQLException {
        String holder = rs.getString(3);
        String target = rs.getString(4);
        String stance = rs.getString(5);
        String sentence = rs.getString(10);
        String summary = switch (stance) {
            case "favors" -> country(holder) + " favors " + capitalised(target);
            case "opposes" -> country(holder) + " opposes " + capitalised(target);
            default -> country(holder) + " has no clear preference";
        };
        ObjectNode n = sdo("note", StixIds.of("note", "claim", Long.toString(rs.getLong(1))), a.stamp(), a.stamp());
        n.put("abstract", summary);
        n.put("content", sentence == null || sentence.isBlank() ? summary : sentence);
        ArrayNode r = n.putArray("object_refs");
        refs.forEach(r::add);
        ObjectNode ext = extension(n);
        ext.put("finding", "claim");
        ext.put("holder", holder);
        ext.put("target", target);
        ext.put("stance", stance);
        ext.put("hedged", rs.getBoolean(6));
        ext.put("disputed", rs.getBoolean(7));
        putIfPresent(ext, "basis", rs.getString(8));
        putIfPresent(ext, "actor_mention", rs.getString(9));
        return n;
    }

    private record CampaignKey(String actor, String technique, Integer year) {
    }

    private void incidents(Connection c, Filter f, Map<String, ArticleRow> articles, Map<String, ObjectNode> out,
                           Map<String, Span> spans, Map<String, Groups.Group> groups, ExportProgress progress) throws SQLException {
        Map<String, ObjectNode> campaigns = new TreeMap<>();
        Map<String, SortedSet<String>> statuses = new TreeMap<>();
        Map<String, SortedSet<String>> targets = new TreeMap<>();
        Map<String, SortedSet<String>> campaignGroups = new TreeMap<>();
        Map<String, CampaignKey> keys = new TreeMap<>();
        Map<String, Integer> reports = new TreeMap<>();
        long total = count(c, "SELECT count(*) FROM incidents WHERE ? IS NULL OR actor = ?", f.actor(), f.actor());
        long done = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.article_id, i.actor, i.technique, i.target, i.status, i.year, i.disarm_id, e.sentence
                FROM incidents i LEFT JOIN evidence e ON e.id = i.evidence_id
                WHERE ? IS NULL OR i.actor = ? ORDER BY i.id""")) {
            ps.setString(1, f.actor());
            ps.setString(2, f.actor());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    progress.progress("incidents read", ++done, total);
                    ArticleRow a = articles.get(rs.getString(1));
                    if (a == null) {
                        continue;
                    }
                    String actor = rs.getString(2);
                    String technique = rs.getString(3);
                    Integer year = (Integer) rs.getObject(6);
                    CampaignKey key = new CampaignKey(actor, technique, year);
                    String id = StixIds.of("campaign", actor, technique, year == null ? "" : year.toString());
                    keys.put(id, key);
                    reports.merge(id + "|" + a.id(), 1, Integer::sum);
                    span(spans, id, a.stamp());
                    span(spans, actor, a.stamp());
                    String ap = attackPatternId(technique);
                    span(spans, ap, a.stamp());
                    if (rs.getString(4) != null) {
                        targets.computeIfAbsent(id, k -> new TreeSet<>()).add(rs.getString(4));
                        span(spans, targetId(rs.getString(4)), a.stamp());
                    }
                    if (rs.getString(5) != null) {
                        statuses.computeIfAbsent(id, k -> new TreeSet<>()).add(rs.getString(5));
                    }
                    String sentence = rs.getString(8);
                    if (sentence != null) {
                        for (Mention m : gazetteer.actors(sentence)) {
                            if (m.kind().equals("group") && m.value().equals(actor)) {
                                Groups.Group g = Groups.of(m.text(), actor);
                                groups.putIfAbsent(g.name(), g);
                                String is = StixIds.of("intrusion-set", g.name());
                                span(spans, is, a.stamp());
                                campaignGroups.computeIfAbsent(id, k -> new TreeSet<>()).add(is);
                                support(a, is);
                            }
                        }
                    }
                    support(a, id);
                    support(a, ap);
                    support(a, StixIds.of("threat-actor", actor));
                    supports.get(a.id()).add(StixIds.of("relationship", "uses", id, ap));
                    supports.get(a.id()).add(StixIds.of("relationship", "attributed-to", id, StixIds.of("threat-actor", actor)));
                    if (rs.getString(4) != null) {
                        support(a, targetId(rs.getString(4)));
                        supports.get(a.id()).add(StixIds.of("relationship", "targets", id, targetId(rs.getString(4))));
                    }
                }
            }
        }
        for (Map.Entry<String, CampaignKey> e : keys.entrySet()) {
            String id = e.getKey();
            CampaignKey k = e.getValue();
            Span span = spans.get(id);
            long articleCount = reports.keySet().stream().filter(r -> r.startsWith(id + "|")).count();
            ObjectNode camp = sdo("campaign", id, span.first, span.last);
            camp.put("name", country(k.actor()) + ": " + label(k.technique())
                    + (k.year() == null ? " (year not reported)" : ", " + k.year()));
            camp.put("description", "Interference that " + articleCount + (articleCount == 1 ? " article reports" : " articles report")
                    + " as " + label(k.technique()) + " by " + country(k.actor())
                    + (k.year() == null ? "" : " in " + k.year()) + ".");
            ObjectNode ext = extension(camp);
            ext.put("finding", "incident");
            ext.put("actor", k.actor());
            ext.put("technique", k.technique());
            if (k.year() != null) {
                ext.put("year", k.year());
            }
            ext.put("articles", articleCount);
            putList(ext, "statuses", statuses.get(id));
            putList(ext, "targets", targets.get(id));
            campaigns.put(id, camp);
            String ap = attackPatternId(k.technique());
            out.put(ap, attackPattern(k.technique(), spans.get(ap)));
            String ta = StixIds.of("threat-actor", k.actor());
            putRelationship(out, relationship("uses", id, ap, span));
            putRelationship(out, relationship("attributed-to", id, ta, span));
            for (String t : targets.getOrDefault(id, new TreeSet<>())) {
                out.put(targetId(t), target(t, spans.get(targetId(t))));
                putRelationship(out, relationship("targets", id, targetId(t), span));
            }
            for (String is : campaignGroups.getOrDefault(id, new TreeSet<>())) {
                putRelationship(out, relationship("attributed-to", id, is, span));
            }
        }
        out.putAll(campaigns);
        // a state with incidents but no claims still needs its threat-actor: added by collect via spans
        for (CampaignKey k : keys.values()) {
            String ta = StixIds.of("threat-actor", k.actor());
            out.computeIfAbsent(ta, x -> threatActor(k.actor(), new TreeSet<>(), spans.get(k.actor())));
        }
        // the relationships of a campaign with a group, added to the reports that name the group
        for (Map.Entry<String, SortedSet<String>> e : campaignGroups.entrySet()) {
            for (String is : e.getValue()) {
                String rel = StixIds.of("relationship", "attributed-to", e.getKey(), is);
                for (SortedSet<String> refs : supports.values()) {
                    if (refs.contains(e.getKey()) && refs.contains(is)) {
                        refs.add(rel);
                    }
                }
            }
        }
    }

    private static void putRelationship(Map<String, ObjectNode> out, ObjectNode rel) {
        out.put(rel.path("id").asText(), rel);
    }

    private static String attackPatternId(String technique) {
        DisarmMapping.DisarmTechnique d = DisarmMapping.of(Technique.fromWire(technique));
        return d.id() != null ? StixIds.of("attack-pattern", "DISARM", d.id()) : StixIds.of("attack-pattern", "vigil", technique);
    }

    private static String targetId(String target) {
        return StixIds.of("identity", "target", target);
    }

    private void support(ArticleRow a, String id) {
        supports.computeIfAbsent(a.id(), k -> new TreeSet<>()).add(id);
    }

    private static void span(Map<String, Span> spans, String key, String stamp) {
        spans.computeIfAbsent(key, k -> new Span()).add(stamp);
    }

    private static ObjectNode identity() {
        ObjectNode o = sdo("identity", IDENTITY, DEFINED, DEFINED);
        o.put("name", "Vigil");
        o.put("description", "Vigil, an open-source observatory for foreign interference in US elections: findings extracted from news articles and coordinated account networks found in social posts.");
        o.put("identity_class", "system");
        return o;
    }

    private static ObjectNode extensionDefinition() {
        ObjectNode o = sdo("extension-definition", EXTENSION, DEFINED, DEFINED);
        o.put("name", "Vigil findings");
        o.put("description", "What Vigil found and how firmly: the claim fields of a note, the incident fields of a campaign, the network measures of a grouping.");
        o.put("schema", "Property extension, version 1. On a note (finding=claim): holder (ISO 3166-1 alpha-2 code of the foreign state), "
                + "target (candidate surname or party, * for none), stance (favors|opposes|none), hedged and disputed (booleans), "
                + "basis (statement|assessment|operation), actor_mention (the words that named the holder). On a campaign (finding=incident): "
                + "actor, technique (Vigil technique), year, articles (how many report it), statuses, targets. On a grouping "
                + "(finding=network): run_id, network_id, size, score, density, posts, state_media_share, and the co-action counts "
                + "co_retweet, co_link, co_hashtag, co_tweet, co_similar_text. See docs/exchange.md in the Vigil repository.");
        o.put("version", "1.0.0");
        o.putArray("extension_types").add("property-extension");
        return o;
    }

    private static ObjectNode threatActor(String state, SortedSet<String> aliases, Span span) {
        Span s = span != null ? span : definedSpan();
        ObjectNode o = sdo("threat-actor", StixIds.of("threat-actor", state), s.first, s.last);
        String name = country(state);
        o.put("name", name);
        o.put("description", "The state of " + name + " (" + state + ") and the leaders, agencies, outlets and groups that count for it.");
        o.putArray("threat_actor_types").add("nation-state");
        aliases.remove(name);
        putList(o, "aliases", aliases);
        o.putArray("external_references").addObject().put("source_name", "ISO 3166-1 alpha-2").put("external_id", state);
        return o;
    }

    private static ObjectNode intrusionSet(Groups.Group g, Span span) {
        Span s = span != null ? span : definedSpan();
        ObjectNode o = sdo("intrusion-set", StixIds.of("intrusion-set", g.name()), s.first, s.last);
        o.put("name", g.name());
        o.put("description", g.name() + ", a group that counts for " + country(g.state()) + ".");
        putList(o, "aliases", new TreeSet<>(g.aliases()));
        if (g.attackId() != null) {
            o.putArray("external_references").addObject().put("source_name", "mitre-attack").put("external_id", g.attackId())
                    .put("url", "https://attack.mitre.org/groups/" + g.attackId() + "/");
        }
        return o;
    }

    private static ObjectNode attackPattern(String technique, Span span) {
        DisarmMapping.DisarmTechnique d = DisarmMapping.of(Technique.fromWire(technique));
        ObjectNode o = sdo("attack-pattern", attackPatternId(technique), span.first, span.last);
        ArrayNode refs = o.putArray("external_references");
        if (d.id() == null) {
            o.put("name", "Influence operation (technique not specified)");
            o.put("description", "An influence effort that the reporting does not tie to one technique; DISARM has no single technique for it.");
            refs.addObject().put("source_name", "vigil").put("external_id", technique);
        } else {
            o.put("name", d.name());
            o.put("description", "DISARM Red Framework technique " + d.id() + ", under which Vigil reports "
                    + label(technique) + ". DISARM is by the DISARM Foundation, CC BY-SA 4.0.");
            refs.addObject().put("source_name", "DISARM").put("external_id", d.id())
                    .put("url", "https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/" + d.id() + ".md");
            if (d.attackId() != null) {
                refs.addObject().put("source_name", "mitre-attack").put("external_id", d.attackId())
                        .put("url", "https://attack.mitre.org/techniques/" + d.attackId().replace('.', '/') + "/");
            }
            o.putArray("kill_chain_phases").addObject().put("kill_chain_name", "disarm")
                    .put("phase_name", d.entry().tacticName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        }
        return o;
    }

    private static ObjectNode target(String target, Span span) {
        ObjectNode o = sdo("identity", targetId(target), span.first, span.last);
        o.put("name", switch (target) {
            case "campaign" -> "US political campaigns";
            case "candidate" -> "US candidates";
            case "voters" -> "US voters";
            case "election_infrastructure" -> "US election infrastructure";
            case "officials" -> "US election officials";
            case "media" -> "US media";
            default -> "Other US election targets";
        });
        o.put("identity_class", "class");
        o.putArray("sectors").add("government");
        return o;
    }

    private static ObjectNode relationship(String type, String source, String target, Span span) {
        Span s = span != null ? span : definedSpan();
        ObjectNode o = sdo("relationship", StixIds.of("relationship", type, source, target), s.first, s.last);
        o.put("relationship_type", type);
        o.put("source_ref", source);
        o.put("target_ref", target);
        return o;
    }

    private static ObjectNode report(Connection c, ArticleRow a, SortedSet<String> refs) throws SQLException {
        ObjectNode o = sdo("report", StixIds.of("report", a.id()), a.stamp(), a.stamp());
        o.put("name", a.title() != null && !a.title().isBlank() ? a.title() : a.doc());
        o.putArray("report_types").add("threat-report");
        o.put("published", a.published() != null ? a.published() + "T00:00:00.000Z" : a.stamp());
        ArrayNode ext = o.putArray("external_references");
        SortedSet<String> urls = new TreeSet<>();
        if (a.url() != null) {
            urls.add(a.url());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT url FROM sources WHERE article_id = ? AND url IS NOT NULL")) {
            ps.setString(1, a.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    urls.add(rs.getString(1));
                }
            }
        }
        for (String u : urls) {
            ext.addObject().put("source_name", "article").put("url", u);
        }
        ext.addObject().put("source_name", "vigil").put("external_id", a.id()).put("description", "article " + a.doc());
        ArrayNode r = o.putArray("object_refs");
        refs.forEach(r::add);
        return o;
    }

    private void networks(Connection c, Map<String, ObjectNode> out) throws SQLException {
        if (!ExchangeSchema.tableExists(c, "coordination_runs")) {
            return;
        }
        String run;
        String started;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT run_id, started_at FROM coordination_runs ORDER BY started_at DESC, run_id LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return;
            }
            run = rs.getString(1);
            started = stamp(rs.getTimestamp(2));
        }
        Map<Integer, SortedSet<String>> members = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT network_id, account_id FROM coordination_accounts WHERE run_id = ? ORDER BY network_id, account_id")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String login = rs.getString(2);
                    String id = StixIds.observable("user-account", canonical("account_login", login));
                    members.computeIfAbsent(rs.getInt(1), k -> new TreeSet<>()).add(id);
                    ObjectNode acc = JSON.createObjectNode();
                    acc.put("type", "user-account");
                    acc.put("spec_version", "2.1");
                    acc.put("id", id);
                    acc.put("account_login", login);
                    out.put(id, acc);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT network_id, evidence, value FROM coordination_evidence WHERE run_id = ? AND evidence IN ('link', 'domain')"
                        + " ORDER BY network_id, evidence, rank")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(3);
                    String type = rs.getString(2).equals("link") ? "url" : "domain-name";
                    String shape = type.equals("url") ? "(?i)https?://[^\\s\"<>\\\\^`{|}]+" : "(?i)[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,63}";
                    if (value == null || !value.matches(shape)) {
                        continue; // a STIX url or domain-name must be one; a bare or broken value stays in the CSV and Parquet exports
                    }
                    String id = StixIds.observable(type, canonical("value", value));
                    members.computeIfAbsent(rs.getInt(1), k -> new TreeSet<>()).add(id);
                    ObjectNode url = JSON.createObjectNode();
                    url.put("type", type);
                    url.put("spec_version", "2.1");
                    url.put("id", id);
                    url.put("value", value);
                    out.put(id, url);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT network_id, size, score, density, posts, state_media_share, co_retweet, co_link, co_hashtag, co_tweet, co_similar_text
                FROM coordination_networks WHERE run_id = ? ORDER BY network_id""")) {
            ps.setString(1, run);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int network = rs.getInt(1);
                    SortedSet<String> refs = members.get(network);
                    if (refs == null || refs.isEmpty()) {
                        continue;
                    }
                    ObjectNode g = sdo("grouping", StixIds.of("grouping", "network", run, Integer.toString(network)), started, started);
                    g.put("name", "Coordinated network " + network + " of run " + run);
                    g.put("description", rs.getInt(2) + " accounts that acted together more often than chance explains, with the links they shared.");
                    g.put("context", "suspicious-activity");
                    ArrayNode r = g.putArray("object_refs");
                    refs.forEach(r::add);
                    ObjectNode ext = extension(g);
                    ext.put("finding", "network");
                    ext.put("run_id", run);
                    ext.put("network_id", network);
                    ext.put("size", rs.getInt(2));
                    ext.put("score", rs.getDouble(3));
                    ext.put("density", rs.getDouble(4));
                    ext.put("posts", rs.getInt(5));
                    ext.put("state_media_share", rs.getDouble(6));
                    String[] kinds = {"co_retweet", "co_link", "co_hashtag", "co_tweet", "co_similar_text"};
                    for (int i = 0; i < kinds.length; i++) {
                        ext.put(kinds[i], rs.getInt(7 + i));
                    }
                    out.put(g.path("id").asText(), g);
                }
            }
        }
    }

    /** Objects imported from bundles; Vigil's own objects win when an id is both. */
    private static void imported(Connection c, Map<String, ObjectNode> out, ExportProgress progress) throws SQLException {
        if (!ExchangeSchema.present(c)) {
            return;
        }
        long total = count(c, "SELECT count(*) FROM stix_objects");
        long done = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, json FROM stix_objects ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                progress.progress("imported objects read", ++done, total);
                if (out.containsKey(rs.getString(1))) {
                    continue;
                }
                try {
                    out.put(rs.getString(1), (ObjectNode) JSON.readTree(rs.getString(2)));
                } catch (IOException e) {
                    throw new SQLException("imported STIX object " + rs.getString(1) + " is not valid JSON in the store: " + e.getMessage(), e);
                }
            }
        }
    }

    /** The number a {@code SELECT count(*)} answers, for a progress total. */
    private static long count(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static ObjectNode sdo(String type, String id, String created, String modified) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created_by_ref", IDENTITY);
        o.put("created", created);
        o.put("modified", modified);
        o.putArray("object_marking_refs").add(TLP_WHITE);
        return o;
    }

    private static ObjectNode extension(ObjectNode o) {
        ObjectNode e = o.putObject("extensions").putObject(EXTENSION);
        e.put("extension_type", "property-extension");
        return e;
    }

    private static void putIfPresent(ObjectNode o, String field, String value) {
        if (value != null && !value.isBlank()) {
            o.put(field, value);
        }
    }

    private static void putList(ObjectNode o, String field, SortedSet<String> values) {
        if (values != null && !values.isEmpty()) {
            ArrayNode a = o.putArray(field);
            values.forEach(a::add);
        }
    }

    /** The JSON STIX hashes for an observable id: its one id-contributing property, keys sorted, no spaces. */
    private static String canonical(String field, String value) {
        try {
            return "{" + JSON.writeValueAsString(field) + ":" + JSON.writeValueAsString(value) + "}";
        } catch (IOException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
    }

    private static Span definedSpan() {
        Span s = new Span();
        s.add(DEFINED);
        return s;
    }

    /** A technique as a reader says it: {@code ai_generated_content} is "AI-generated content". */
    static String label(String technique) {
        return switch (technique) {
            case "hack_and_leak" -> "hack and leak";
            case "ai_generated_content" -> "AI-generated content";
            case "threats_violence" -> "threats and violence";
            default -> technique.replace('_', ' ');
        };
    }

    private static String capitalised(String target) {
        return target.isEmpty() ? target : Character.toUpperCase(target.charAt(0)) + target.substring(1);
    }

    static String country(String code) {
        if (code == null || code.length() != 2) {
            return code;
        }
        String n = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return n.isEmpty() || n.equalsIgnoreCase(code) ? code : n;
    }

    static String stamp(Timestamp t) {
        return t == null ? DEFINED : t.toLocalDateTime().atOffset(ZoneOffset.UTC).format(STAMP);
    }
}
