package org.vigil.app.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.vigil.store.MatrixRow;
import org.vigil.store.ReportFilter;
import org.vigil.store.VigilStore;
import org.vigil.store.query.Facet;
import org.vigil.store.query.IncidentQueries;
import org.vigil.store.query.NetworkFilter;
import org.vigil.store.query.NetworkQueries;
import org.vigil.store.query.NetworkRow;
import org.vigil.store.query.NetworkSort;
import org.vigil.store.query.Page;

/**
 * The page that ties both flows together: for each foreign state, what the news says it wants
 * (favours and opposes per candidate, its likeliest preference) beside the coordinated networks
 * whose activity amplifies that state's media.
 */
final class OverviewApi {
    /** Networks listed per state; the total says how many more there are. */
    static final int NETWORKS_PER_STATE = 20;

    private final VigilStore store;
    private final NetworkQueries networks;
    private final IncidentQueries incidents;
    private final OutletCountries outlets;
    private final NetworkApi networkViews;

    OverviewApi(VigilStore store, OutletCountries outlets, NetworkApi networkViews) {
        this.store = store;
        this.networks = new NetworkQueries(store);
        this.incidents = new IncidentQueries(store);
        this.outlets = outlets;
        this.networkViews = networkViews;
    }

    List<Endpoint> endpoints() {
        return List.of(new Endpoint("/api/overview", "overview", "Each foreign state: news and networks side by side",
                "Per state: favours and opposes per candidate from the news (hedged and disputed claims included, with their "
                        + "shares), the candidate with the highest positive balance as its claimed preference, its incident count, "
                        + "and the networks of the run whose activity amplifies its state media, highest state-media share first.",
                List.of(new Param("run", "query", Param.Type.STRING, false, null, 1L, 200L, List.of(), NetworkApi.RUN_PATTERN,
                        "The coordination run to read; default: the newest.")),
                this::overview));
    }

    private Object overview(Args a) {
        String run = a.text("run");
        if (run != null && !networks.hasRun(run)) {
            throw ApiProblem.notFound("no coordination run '" + run + "' in this store; /api/runs lists the stored runs");
        }
        if (run == null) {
            run = networks.latestRunId().orElse(null);
        }
        Map<String, List<MatrixRow>> byHolder = new LinkedHashMap<>();
        for (MatrixRow r : store.matrix(ReportFilter.all())) {
            byHolder.computeIfAbsent(r.holder(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Long> incidentCounts = new LinkedHashMap<>();
        for (Facet f : incidents.facets().actors()) {
            incidentCounts.put(f.value(), f.count());
        }
        TreeSet<String> states = new TreeSet<>(byHolder.keySet());
        states.addAll(incidentCounts.keySet());
        Map<String, Page<NetworkRow>> amplifying = new LinkedHashMap<>();
        if (run != null) {
            for (String country : outlets.countries()) {
                NetworkFilter f = new NetworkFilter(null, null, outlets.outletsOf(country), null, null, NetworkSort.STATE_MEDIA);
                Page<NetworkRow> page = networks.networks(run, f, 0, NETWORKS_PER_STATE);
                if (page.total() > 0) {
                    amplifying.put(country, page);
                    states.add(country);
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (String code : states) {
            List<MatrixRow> cells = byHolder.getOrDefault(code, List.of());
            long claims = cells.stream().mapToLong(MatrixRow::total).sum();
            MatrixRow preferred = cells.stream().filter(r -> !r.target().equals("*") && r.balance() > 0)
                    .max(Comparator.comparingLong(MatrixRow::balance).thenComparing(MatrixRow::favors)).orElse(null);
            MatrixRow opposed = cells.stream().filter(r -> !r.target().equals("*") && r.balance() < 0)
                    .min(Comparator.comparingLong(MatrixRow::balance)).orElse(null);
            List<Object> cellViews = cells.stream().map(r -> (Object) Json.obj().with("target", r.target())
                    .with("targetName", Candidates.name(r.target()))
                    .with("favors", r.favors()).with("opposes", r.opposes()).with("none", r.none()).with("balance", r.balance())
                    .with("shareHedged", r.shareHedged()).with("shareDisputed", r.shareDisputed())
                    .with("independentSources", r.independentSources())).toList();
            Page<NetworkRow> nets = amplifying.get(code);
            List<Object> netViews = new ArrayList<>();
            if (nets != null) {
                List<String> own = outlets.outletsOf(code);
                for (NetworkRow n : nets.items()) {
                    Map<String, Object> v = networkViews.view(n);
                    v.put("stateOutlets", n.stateMediaOutlets().stream().filter(o -> own.stream().anyMatch(o::equalsIgnoreCase)).toList());
                    netViews.add(v);
                }
            }
            out.add(Json.obj().with("code", code).with("name", Countries.name(code))
                    .with("news", Json.obj().with("claims", claims)
                            .with("preference", preferred == null ? null : preferred.target())
                            .with("preferenceName", preferred == null ? null : Candidates.name(preferred.target()))
                            .with("preferenceBalance", preferred == null ? null : preferred.balance())
                            .with("opposes", opposed == null ? null : opposed.target())
                            .with("opposesName", opposed == null ? null : Candidates.name(opposed.target()))
                            .with("cells", cellViews)
                            .with("incidents", incidentCounts.getOrDefault(code, 0L)))
                    .with("networks", Json.obj().with("total", nets == null ? 0 : nets.total()).with("items", netViews)));
        }
        out.sort(Comparator.comparingLong((Map<String, Object> m) -> -weight(m)).thenComparing(m -> (String) m.get("code")));
        return Json.obj().with("run", run).with("states", out);
    }

    @SuppressWarnings("unchecked")
    private static long weight(Map<String, Object> state) {
        Map<String, Object> news = (Map<String, Object>) state.get("news");
        Map<String, Object> nets = (Map<String, Object>) state.get("networks");
        return (Long) news.get("claims") + (Long) news.get("incidents") + ((Number) nets.get("total")).longValue();
    }
}
