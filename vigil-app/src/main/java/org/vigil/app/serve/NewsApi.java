package org.vigil.app.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.model.Article;
import org.vigil.model.Source;
import org.vigil.store.ClaimRow;
import org.vigil.store.MatrixRow;
import org.vigil.store.ReportFilter;
import org.vigil.store.SearchHit;
import org.vigil.store.SearchHits;
import org.vigil.store.Snippet;
import org.vigil.store.VigilStore;
import org.vigil.store.query.Facet;
import org.vigil.store.query.IncidentFacets;
import org.vigil.store.query.IncidentFilter;
import org.vigil.store.query.IncidentQueries;
import org.vigil.store.query.IncidentRow;
import org.vigil.store.query.NewsTotalsQuery;
import org.vigil.store.query.Page;

/**
 * The news side of the API: the who-wants-whom matrix, the claims behind a cell, one claim with its
 * evidence, an article with every evidence sentence, incidents and full-text search.
 */
final class NewsApi {
    static final String HOLDER_PATTERN = "[A-Za-z]{2}";
    static final String ID_PATTERN = "[A-Za-z0-9._-]+";

    private final VigilStore store;
    private final IncidentQueries incidents;

    NewsApi(VigilStore store) {
        this.store = store;
        this.incidents = new IncidentQueries(store);
    }

    private static List<Param> claimFilters() {
        return List.of(
                Param.date("from", "Earliest publication date of the articles, inclusive (YYYY-MM-DD)."),
                Param.date("to", "Latest publication date of the articles, inclusive (YYYY-MM-DD)."),
                Param.bool("hedged", true, "Include hedged claims (\"reportedly\", \"may\")."),
                Param.bool("disputed", true, "Include disputed claims (denied, joked, contested)."),
                holderParam(false), targetParam(false), cycleParam("claims"));
    }

    static Param holderParam(boolean required) {
        return new Param("holder", "query", Param.Type.STRING, required, null, required ? 2L : null, 2L, List.of(), HOLDER_PATTERN,
                "The foreign state, as an ISO 3166-1 alpha-2 code such as RU.");
    }

    static Param targetParam(boolean required) {
        return Param.text("target", 80, required, "The candidate, lower-case as stored (trump), or * for no clear preference.");
    }

    static Param cycleParam(String what) {
        return Param.integer("cycle", null, 1900, 2100, "The election the " + what + " are about (an even year such as 2016), "
                + "read from the text (\"the 2016 race\", \"this November\"), else from the publication date.");
    }

    private static final List<String> TECHNIQUES = java.util.Arrays.stream(org.vigil.model.Technique.values())
            .map(org.vigil.model.Technique::wire).toList();
    private static final List<String> STATUSES = java.util.Arrays.stream(org.vigil.model.IncidentStatus.values())
            .map(org.vigil.model.IncidentStatus::wire).toList();
    private static final List<String> TARGETS = java.util.Arrays.stream(org.vigil.model.IncidentTarget.values())
            .map(org.vigil.model.IncidentTarget::wire).toList();

    private static List<Param> incidentFilters() {
        return List.of(
                Param.date("from", "Earliest publication date of the reporting article (YYYY-MM-DD)."),
                Param.date("to", "Latest publication date of the reporting article (YYYY-MM-DD)."),
                Param.integer("yearFrom", null, 1900, 2100, "Earliest year the incident happened."),
                Param.integer("yearTo", null, 1900, 2100, "Latest year the incident happened."),
                new Param("actor", "query", Param.Type.STRING, false, null, null, 2L, List.of(), HOLDER_PATTERN,
                        "The state behind it, as an ISO 3166-1 alpha-2 code."),
                Param.choice("technique", null, TECHNIQUES, "Technique in wire form, e.g. hack_and_leak."),
                Param.choice("status", null, STATUSES, "How far it is established: alleged, attributed, charged, sanctioned or admitted."),
                Param.choice("target", null, TARGETS, "What it was aimed at: campaign, candidate, voters, ..."),
                cycleParam("incidents"),
                new Param("disarm", "query", Param.Type.STRING, false, null, null, 20L, List.of(), "T[0-9]{4}(\\.[0-9]{3})*",
                        "DISARM technique id such as T0086 or T0086.002."));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("/api/meta", "meta", "What the store holds",
                        "Counts of articles, sources, claims and incidents, the span of publication dates, and the API's limits.",
                        List.of(), a -> meta()),
                new Endpoint("/api/matrix", "news", "Who wants whom: the heat map",
                        "One cell per foreign state and candidate: favours, opposes and no-preference counts (articles, not sentences), "
                                + "balance = favours minus opposes, shares hedged and disputed, independent sources, first and last date.",
                        claimFilters(), this::matrix),
                new Endpoint("/api/claims", "news", "The claims behind matrix cells",
                        "Claims passing the filters, newest article first, each with its evidence sentence, flags and sources.",
                        concat(claimFilters(), List.of(Param.offset(), Param.limit(50))), this::claims),
                new Endpoint("/api/claims/{id}", "news", "One claim with its evidence",
                        "The claim, its evidence sentence with character offsets into the article, and the article's sources.",
                        List.of(Param.pathText("id", "[0-9]{1,19}", 19, "The claim id (digits).")), this::claim),
                new Endpoint("/api/articles/{id}", "news", "One article with all its evidence",
                        "The article text, its sources (every site that carried it), and its claims and incidents with evidence offsets.",
                        List.of(Param.pathText("id", ID_PATTERN, 128, "The article id (its content hash).")), this::article),
                new Endpoint("/api/incidents", "news", "Interference incidents",
                        "Incidents passing the filters, in the order they happened, with DISARM ids and evidence.",
                        concat(incidentFilters(), List.of(Param.offset(), Param.limit(100))), this::incidents),
                new Endpoint("/api/incidents/events", "news", "Incidents merged into events",
                        "Incidents about one operation (same state and technique, cycle and target agreeing, reported within "
                                + org.vigil.store.query.IncidentEvents.WINDOW_DAYS + " days, sentences sharing words) as one event "
                                + "with every report and source, first and last report date and how its status moved; "
                                + "by first report date, undated last.",
                        concat(incidentFilters(), List.of(Param.offset(), Param.limit(200))), this::events),
                new Endpoint("/api/incidents/events/{id}", "news", "One incident event",
                        "The event an incident belongs to, with all its reports, their sentences and sources.",
                        List.of(Param.pathText("id", "[0-9]{1,19}", 19, "The id of the event or of any incident in it (digits).")),
                        this::event),
                new Endpoint("/api/cycles", "news", "The election cycles the store holds",
                        "Every cycle any claim or incident is about, newest first, with how many claims and incidents each has.",
                        List.of(), a -> cycles()),
                new Endpoint("/api/trend", "news", "A state's stance toward a candidate, month by month",
                        "Articles favouring, opposing and holding no preference per publication month, and their balance, "
                                + "for one holder and target (both required); undated articles have no month.",
                        List.of(holderParam(true), targetParam(true), cycleParam("claims"),
                                Param.date("from", "Earliest publication date, inclusive (YYYY-MM-DD)."),
                                Param.date("to", "Latest publication date, inclusive (YYYY-MM-DD)."),
                                Param.bool("hedged", true, "Include hedged claims."),
                                Param.bool("disputed", true, "Include disputed claims.")), this::trend),
                new Endpoint("/api/incidents/summary", "news", "Incident counts for the timeline chart",
                        "Counts per year (when it happened), actor and technique for the incidents passing the filters, "
                                + "and the values every filter can take.",
                        incidentFilters(), this::incidentSummary),
                new Endpoint("/api/search", "news", "Full-text search over articles and evidence",
                        "Words (all required), \"quoted phrases\" and -excluded words; nothing else is syntax. Each hit carries "
                                + "a passage and matching evidence sentences with highlight offsets.",
                        List.of(Param.text("q", VigilStore.MAX_QUERY_CHARS, true, "What to look for (at most 500 characters)."),
                                Param.offset(), Param.limit(20)), this::search));
    }

    private Object meta() {
        return Json.obj().with("news", new NewsTotalsQuery(store).totals())
                .with("limits", Json.obj().with("maxLimit", VigilStore.MAX_LIMIT).with("maxOffset", Args.MAX_OFFSET)
                        .with("maxQueryChars", VigilStore.MAX_QUERY_CHARS).with("maxSearchDepth", VigilStore.MAX_SEARCH_DEPTH));
    }

    private static ReportFilter reportFilter(Args a) {
        LocalDate from = a.date("from");
        LocalDate to = a.date("to");
        Args.checkOrder(from, to);
        String holder = state("holder", a.text("holder"));
        return new ReportFilter(from, to, holder, a.text("target"), a.bool("hedged"), a.bool("disputed"), cycle(a));
    }

    /** The ISO code upper-cased; a code that names no country is a 400, not an empty answer. */
    static String state(String param, String code) {
        if (code == null) {
            return null;
        }
        String upper = code.toUpperCase(java.util.Locale.ROOT);
        if (!ISO_COUNTRIES.contains(upper)) {
            throw ApiProblem.badRequest(param, "parameter '" + param + "' must be an ISO 3166-1 alpha-2 country code such as RU, got '"
                    + upper + "', which names no country");
        }
        return upper;
    }

    private static final java.util.Set<String> ISO_COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    static Integer cycle(Args a) {
        Integer cycle = a.integer("cycle");
        if (cycle != null && cycle % 2 != 0) {
            throw ApiProblem.badRequest("cycle", "parameter 'cycle' must be an even year (US general elections are held in even years), "
                    + "got " + cycle);
        }
        return cycle;
    }

    private Object matrix(Args a) {
        ReportFilter f = reportFilter(a);
        List<MatrixRow> rows = store.matrix(f);
        Map<String, long[]> holders = new LinkedHashMap<>();
        Map<String, long[]> targets = new LinkedHashMap<>();
        List<Object> cells = new ArrayList<>();
        for (MatrixRow r : rows) {
            long[] h = holders.computeIfAbsent(r.holder(), k -> new long[3]);
            h[0] += r.favors();
            h[1] += r.opposes();
            h[2] += r.total();
            long[] t = targets.computeIfAbsent(r.target(), k -> new long[3]);
            t[0] += r.favors();
            t[1] += r.opposes();
            t[2] += r.total();
            cells.add(Json.obj().with("holder", r.holder()).with("holderName", Countries.name(r.holder()))
                    .with("target", r.target()).with("targetName", Candidates.name(r.target())).with("favors", r.favors()).with("opposes", r.opposes()).with("none", r.none())
                    .with("balance", r.balance()).with("total", r.total()).with("shareHedged", r.shareHedged())
                    .with("shareDisputed", r.shareDisputed()).with("independentSources", r.independentSources())
                    .with("first", r.first()).with("last", r.last()));
        }
        List<Object> holderList = new ArrayList<>();
        holders.forEach((code, n) -> holderList.add(Json.obj().with("code", code).with("name", Countries.name(code))
                .with("favors", n[0]).with("opposes", n[1]).with("total", n[2])));
        List<Object> targetList = new ArrayList<>();
        targets.forEach((code, n) -> targetList.add(Json.obj().with("code", code).with("name", Candidates.name(code)).with("favors", n[0]).with("opposes", n[1])
                .with("total", n[2])));
        return Json.obj().with("filter", Json.obj().with("from", f.from()).with("to", f.to()).with("hedged", f.includeHedged())
                        .with("disputed", f.includeDisputed()).with("holder", f.holder()).with("target", f.target())
                        .with("cycle", f.cycle()))
                .with("holders", holderList).with("targets", targetList).with("cells", cells);
    }

    private Object claims(Args a) {
        ReportFilter f = reportFilter(a);
        long total = store.claimCount(f);
        List<Object> items = new ArrayList<>();
        if (a.offset() < total) {
            for (ClaimRow c : store.claims(f, a.offset(), a.limit())) {
                items.add(claimView(c));
            }
        }
        return Json.page(total, a.offset(), a.limit(), items);
    }

    private Object claim(Args a) {
        long id;
        try {
            id = Long.parseLong(a.text("id"));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("id", "parameter 'id' must be a claim id (digits that fit in 63 bits), got '" + a.text("id") + "'");
        }
        ClaimRow c = store.claim(id).orElseThrow(() -> ApiProblem.notFound("no claim " + id + " in this store; "
                + "claim ids come from /api/claims"));
        return claimView(c);
    }

    private Object article(Args a) {
        String id = a.text("id");
        Article article = store.article(id).orElseThrow(() -> ApiProblem.notFound("no article " + id + " in this store; "
                + "article ids come from /api/claims, /api/incidents or /api/search"));
        List<Object> claimViews = store.claimsOfArticle(id).stream().map(NewsApi::claimView).map(o -> (Object) o).toList();
        List<Object> incidentViews = incidents.ofArticle(id).stream().map(NewsApi::incidentView).map(o -> (Object) o).toList();
        return Json.obj().with("id", article.id()).with("doc", article.doc()).with("url", article.url())
                .with("title", article.title()).with("published", article.published()).with("language", article.language())
                .with("text", article.text()).with("sources", sources(article.sources()))
                .with("claims", claimViews).with("incidents", incidentViews);
    }

    private static IncidentFilter incidentFilter(Args a) {
        LocalDate from = a.date("from");
        LocalDate to = a.date("to");
        Args.checkOrder(from, to);
        Integer yearFrom = a.integer("yearFrom");
        Integer yearTo = a.integer("yearTo");
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw ApiProblem.badRequest("yearFrom", "the years are empty: 'yearFrom' (" + yearFrom + ") is after 'yearTo' (" + yearTo + ")");
        }
        return new IncidentFilter(from, to, yearFrom, yearTo, state("actor", a.text("actor")),
                a.text("technique"), a.text("status"), a.text("target"), a.text("disarm"), cycle(a));
    }

    private Object events(Args a) {
        Page<org.vigil.store.query.IncidentEvent> page = incidents.events(incidentFilter(a), a.offset(), a.limit());
        return Json.page(page.total(), page.offset(), page.limit(), page.items().stream().map(NewsApi::eventView).toList());
    }

    private Object event(Args a) {
        long id;
        try {
            id = Long.parseLong(a.text("id"));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("id", "parameter 'id' must be an incident id (digits that fit in 63 bits), got '" + a.text("id") + "'");
        }
        return eventView(incidents.event(id).orElseThrow(() -> ApiProblem.notFound("no incident " + id + " in this store; "
                + "ids come from /api/incidents or /api/incidents/events")));
    }

    private Object cycles() {
        return Json.obj().with("cycles", new org.vigil.store.query.ClaimTrends(store).cycles().stream()
                .map(c -> (Object) Json.obj().with("cycle", c.cycle()).with("claims", c.claims()).with("incidents", c.incidents()))
                .toList());
    }

    private Object trend(Args a) {
        LocalDate from = a.date("from");
        LocalDate to = a.date("to");
        Args.checkOrder(from, to);
        String holder = state("holder", a.text("holder"));
        String target = a.text("target");
        List<Object> points = new org.vigil.store.query.ClaimTrends(store).monthly(holder, target, cycle(a), from, to,
                a.bool("hedged"), a.bool("disputed")).stream().map(p -> (Object) Json.obj().with("month", p.month())
                .with("favors", p.favors()).with("opposes", p.opposes()).with("none", p.none()).with("balance", p.balance())).toList();
        return Json.obj().with("holder", holder).with("holderName", Countries.name(holder)).with("target", target)
                .with("targetName", Candidates.name(target)).with("cycle", a.integer("cycle")).with("points", points);
    }

    static Map<String, Object> eventView(org.vigil.store.query.IncidentEvent e) {
        List<Object> statuses = e.statuses().stream().map(s -> (Object) Json.obj().with("date", s.date()).with("status", s.status())
                .with("incidentId", Long.toString(s.incidentId()))).toList();
        List<Object> sources = e.sources().stream().map(s -> (Object) Json.obj().with("incidentId", Long.toString(s.incidentId()))
                .with("articleId", s.articleId()).with("domain", s.domain()).with("url", s.url()).with("title", s.title())
                .with("published", s.published())).toList();
        return Json.obj().with("id", Long.toString(e.id())).with("actor", e.actor()).with("actorName", Countries.name(e.actor()))
                .with("technique", e.technique()).with("target", e.target()).with("cycle", e.cycle())
                .with("first", e.first()).with("last", e.last()).with("status", e.status()).with("statuses", statuses)
                .with("reports", e.reports().stream().map(NewsApi::incidentView).toList()).with("sources", sources);
    }

    private Object incidents(Args a) {
        Page<IncidentRow> page = incidents.incidents(incidentFilter(a), a.offset(), a.limit());
        return Json.page(page.total(), page.offset(), page.limit(), page.items().stream().map(NewsApi::incidentView).toList());
    }

    private Object incidentSummary(Args a) {
        IncidentFilter f = incidentFilter(a);
        IncidentFacets facets = incidents.facets();
        return Json.obj().with("counts", incidents.counts(f))
                .with("facets", Json.obj().with("actors", named(facets.actors())).with("techniques", facets.techniques())
                        .with("statuses", facets.statuses()).with("targets", facets.targets()));
    }

    private static List<Object> named(List<Facet> actors) {
        return actors.stream().map(f -> (Object) Json.obj().with("value", f.value()).with("name", Countries.name(f.value()))
                .with("count", f.count())).toList();
    }

    private Object search(Args a) {
        String q = a.text("q");
        if ((long) a.offset() + a.limit() > VigilStore.MAX_SEARCH_DEPTH) {
            throw ApiProblem.badRequest("offset", "'offset' + 'limit' must be at most " + VigilStore.MAX_SEARCH_DEPTH
                    + " for a search; narrow the query instead of paging this deep");
        }
        SearchHits hits = store.search(q, a.offset(), a.limit());
        List<Object> items = new ArrayList<>();
        for (SearchHit h : hits.hits()) {
            List<Object> ev = new ArrayList<>();
            for (SearchHit.EvidenceHit e : h.evidence()) {
                ev.add(Json.obj().with("id", Long.toString(e.evidenceId())).with("snippet", snippet(e.snippet())));
            }
            items.add(Json.obj().with("articleId", h.articleId()).with("doc", h.doc()).with("title", h.title()).with("url", h.url())
                    .with("published", h.published()).with("score", h.score()).with("snippet", snippet(h.snippet()))
                    .with("evidence", ev));
        }
        return Json.obj().with("query", hits.query()).with("total", hits.total()).with("offset", hits.offset())
                .with("limit", hits.limit()).with("items", items);
    }

    private static Object snippet(Snippet s) {
        if (s == null) {
            return null;
        }
        return Json.obj().with("text", s.text()).with("highlights",
                s.highlights().stream().map(h -> List.of(h.start(), h.end())).toList());
    }

    static Map<String, Object> claimView(ClaimRow c) {
        Object evidence = c.evidence() == null ? null : Json.obj().with("id", Long.toString(c.evidenceId()))
                .with("sentence", c.evidence().sentence()).with("start", c.evidence().start()).with("end", c.evidence().end());
        return Json.obj().with("id", Long.toString(c.id())).with("holder", c.holder()).with("holderName", Countries.name(c.holder()))
                .with("target", c.target()).with("targetName", Candidates.name(c.target())).with("cycle", c.cycle()).with("stance", c.stance() == null ? null : c.stance().wire())
                .with("hedged", c.hedged()).with("disputed", c.disputed()).with("basis", c.basis() == null ? null : c.basis().wire())
                .with("actor", c.actor()).with("evidence", evidence)
                .with("article", Json.obj().with("id", c.articleId()).with("doc", c.doc()).with("title", c.title())
                        .with("url", c.url()).with("published", c.published()))
                .with("sources", sources(c.sources()));
    }

    static Map<String, Object> incidentView(IncidentRow i) {
        Object evidence = i.evidence() == null ? null : Json.obj().with("id", Long.toString(i.evidenceId()))
                .with("sentence", i.evidence()).with("start", i.evidenceStart()).with("end", i.evidenceEnd());
        return Json.obj().with("id", Long.toString(i.id())).with("published", i.published()).with("year", i.year())
                .with("actor", i.actor()).with("actorName", Countries.name(i.actor())).with("technique", i.technique())
                .with("disarmId", i.disarmId()).with("target", i.target()).with("status", i.status()).with("cycle", i.cycle())
                .with("article", Json.obj().with("id", i.articleId()).with("doc", i.doc()).with("title", i.title()))
                .with("evidence", evidence);
    }

    private static List<Object> sources(List<Source> sources) {
        return sources.stream().map(s -> (Object) Json.obj().with("url", s.url()).with("title", s.title())
                .with("published", s.published()).with("origin", ServedPaths.fileName(s.origin()))).toList();
    }
}
