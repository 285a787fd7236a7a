package org.vigil.app.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vigil.store.VigilStore;
import org.vigil.store.query.AccountRow;
import org.vigil.store.query.EdgeRow;
import org.vigil.store.query.NetworkFilter;
import org.vigil.store.query.NetworkGraph;
import org.vigil.store.query.NetworkQueries;
import org.vigil.store.query.NetworkRow;
import org.vigil.store.query.NetworkSort;
import org.vigil.store.query.Page;
import org.vigil.store.query.SharedObjectRow;

/**
 * The social side of the API: coordination runs, the networks a run found, each network's members,
 * graph and shared objects, and accounts. Every call reads one run: {@code run} when given, else
 * the newest.
 */
final class NetworkApi {
    static final String RUN_PATTERN = "[A-Za-z0-9._:-]+";

    private final NetworkQueries networks;
    private final OutletCountries outlets;

    NetworkApi(VigilStore store, OutletCountries outlets) {
        this.networks = new NetworkQueries(store);
        this.outlets = outlets;
    }

    private static Param run() {
        return new Param("run", "query", Param.Type.STRING, false, null, 1L, 200L, List.of(), RUN_PATTERN,
                "The coordination run to read (see /api/runs); default: the newest.");
    }

    private static Param networkId() {
        return Param.pathInteger("id", 0, Integer.MAX_VALUE, "The network id within the run.");
    }

    List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("/api/runs", "networks", "Stored coordination runs",
                        "Every run of vigil coordinate in the store, newest first: inputs, method, posts read and what it found.",
                        List.of(), a -> Json.obj().with("items", networks.runs().stream().map(ServedPaths::run).toList())),
                new Endpoint("/api/networks", "networks", "Coordinated networks",
                        "Networks of one run with size, score, active period, state-media share and outlets (with their states), "
                                + "co-actions per kind and candidate leans.",
                        List.of(run(),
                                Param.integer("minSize", null, 1, Integer.MAX_VALUE, "Smallest network size."),
                                Param.number("minScore", 0, 1, "Lowest network score, 0 to 1."),
                                Param.text("outlet", 80, false, "Keep networks that amplify this state-media outlet (e.g. RT)."),
                                new Param("country", "query", Param.Type.STRING, false, null, null, 2L, List.of(), NewsApi.HOLDER_PATTERN,
                                        "Keep networks that amplify state media of this state (ISO code, e.g. RU)."),
                                Param.text("candidate", 80, false, "Keep networks with a lean on this candidate."),
                                Param.choice("lean", null, List.of("push", "attack"), "With candidate: only pushes or only attacks."),
                                Param.choice("sort", "score", List.of("score", "size", "state-media", "posts", "first-active"),
                                        "Order of the list."),
                                Param.offset(), Param.limit(50)),
                        this::list),
                new Endpoint("/api/networks/{id}", "networks", "One network",
                        "The network with its leans and its top shared objects of each kind.",
                        List.of(networkId(), run()), this::network),
                new Endpoint("/api/networks/{id}/members", "networks", "Members of a network",
                        "Accounts of the network, firmest first.",
                        List.of(networkId(), run(), Param.offset(), Param.limit(100)), this::members),
                new Endpoint("/api/networks/{id}/graph", "networks", "A drawable graph of a network",
                        "The firmest members and the strongest links among them; total counts say when the graph is partial.",
                        List.of(networkId(), run(),
                                Param.integer("maxNodes", 300, 1, NetworkQueries.MAX_GRAPH_NODES, "Most accounts to draw."),
                                Param.integer("maxEdges", 2000, 0, NetworkQueries.MAX_GRAPH_EDGES, "Most links to draw.")),
                        this::graph),
                new Endpoint("/api/networks/{id}/objects", "networks", "Objects a network shared",
                        "The evidence: links, domains, hashtags, texts and re-shared posts with accounts, shares, first and last time. "
                                + "order=time gives the activity timeline.",
                        List.of(networkId(), run(),
                                Param.choice("kind", null, SharedObjectRow.KINDS, "Only objects of this kind."),
                                Param.choice("order", "rank", List.of("rank", "time"), "rank: by kind and rank; time: by first share."),
                                Param.offset(), Param.limit(100)),
                        this::objects),
                new Endpoint("/api/accounts", "networks", "Accounts placed in networks",
                        "Accounts of one run, firmest first, optionally those whose id contains q or of one network.",
                        List.of(run(), Param.text("q", 100, false, "Part of the account id, any case."),
                                Param.integer("network", null, 0, Integer.MAX_VALUE, "Only members of this network."),
                                Param.offset(), Param.limit(100)),
                        this::accounts),
                new Endpoint("/api/account", "networks", "One account",
                        "Where the run placed the account, its network, and its significant links (strongest first; "
                                + "networkId -1 marks a link that crosses networks). The id is a query parameter because account "
                                + "ids may hold any character.",
                        List.of(Param.text("id", 300, true, "The account id as in the input."), run(), Param.offset(), Param.limit(100)),
                        this::account));
    }

    /** The run a request reads: the one it names (which must exist), else the newest, else null. */
    private String runOf(Args a) {
        String run = a.text("run");
        if (run != null) {
            if (!networks.hasRun(run)) {
                throw ApiProblem.notFound("no coordination run '" + run + "' in this store; /api/runs lists the stored runs");
            }
            return run;
        }
        return networks.latestRunId().orElse(null);
    }

    private String requireRun(Args a) {
        String run = runOf(a);
        if (run == null) {
            throw ApiProblem.notFound("this store holds no coordination run; run 'vigil coordinate --input FILE --output DIR' first");
        }
        return run;
    }

    private Object list(Args a) {
        String run = runOf(a);
        List<String> wanted = new ArrayList<>();
        boolean outletFilter = false;
        if (a.text("outlet") != null) {
            wanted.add(a.text("outlet"));
            outletFilter = true;
        }
        if (a.text("country") != null) {
            List<String> ofCountry = outlets.outletsOf(a.text("country"));
            outletFilter = true;
            if (wanted.isEmpty()) {
                wanted.addAll(ofCountry);
            } else {
                wanted.retainAll(ofCountry); // both given: the outlet must belong to that state
            }
        }
        if (run == null || (outletFilter && wanted.isEmpty())) {
            Map<String, Object> empty = Json.page(0, a.offset(), a.limit(), List.of());
            empty.put("run", run);
            return empty;
        }
        NetworkFilter f = new NetworkFilter(a.integer("minSize"), a.number("minScore"), wanted, a.text("candidate"),
                a.text("lean"), NetworkSort.fromKey(a.text("sort")));
        Page<NetworkRow> page = networks.networks(run, f, a.offset(), a.limit());
        Map<String, Object> body = Json.page(page.total(), page.offset(), page.limit(), page.items().stream().map(this::view).toList());
        body.put("run", run);
        return body;
    }

    Map<String, Object> view(NetworkRow n) {
        Set<String> countries = new LinkedHashSet<>();
        for (String o : n.stateMediaOutlets()) {
            String c = outlets.countryOf(o);
            if (c != null) {
                countries.add(c);
            }
        }
        return Json.obj().with("run", n.runId()).with("id", n.networkId()).with("size", n.size()).with("score", n.score())
                .with("density", n.density()).with("firstActive", n.firstActive()).with("lastActive", n.lastActive())
                .with("posts", n.posts()).with("stateMediaShare", n.stateMediaShare()).with("outlets", n.stateMediaOutlets())
                .with("countries", countries.stream().map(c -> Json.obj().with("code", c).with("name", Countries.name(c))).toList())
                .with("coActions", n.coActions()).with("leans", n.leans());
    }

    private NetworkRow find(String run, int id) {
        return networks.network(run, id).orElseThrow(() -> ApiProblem.notFound("no network " + id + " in run " + run
                + "; /api/networks lists them"));
    }

    private Object network(Args a) {
        String run = requireRun(a);
        NetworkRow n = find(run, a.integer("id"));
        Map<String, Object> body = view(n);
        Json.Obj objects = Json.obj();
        for (String kind : SharedObjectRow.KINDS) {
            objects.put(kind, networks.sharedObjects(run, n.networkId(), kind, false, 0, 10).items());
        }
        body.put("objects", objects);
        return body;
    }

    private Object members(Args a) {
        String run = requireRun(a);
        find(run, a.integer("id"));
        Page<AccountRow> page = networks.members(run, a.integer("id"), a.offset(), a.limit());
        return Json.page(page.total(), page.offset(), page.limit(), page.items());
    }

    private Object graph(Args a) {
        String run = requireRun(a);
        find(run, a.integer("id"));
        NetworkGraph g = networks.graph(run, a.integer("id"), a.integer("maxNodes"), a.integer("maxEdges"));
        return Json.obj().with("nodes", g.nodes()).with("edges", g.edges()).with("totalNodes", g.totalNodes())
                .with("totalEdges", g.totalEdges()).with("truncated", g.truncated());
    }

    private Object objects(Args a) {
        String run = requireRun(a);
        find(run, a.integer("id"));
        Page<SharedObjectRow> page = networks.sharedObjects(run, a.integer("id"), a.text("kind"), "time".equals(a.text("order")),
                a.offset(), a.limit());
        return Json.page(page.total(), page.offset(), page.limit(), page.items());
    }

    private Object accounts(Args a) {
        String run = runOf(a);
        if (run == null) {
            return Json.page(0, a.offset(), a.limit(), List.of());
        }
        Page<AccountRow> page = networks.accounts(run, a.text("q"), a.integer("network"), a.offset(), a.limit());
        Map<String, Object> body = Json.page(page.total(), page.offset(), page.limit(), page.items());
        body.put("run", run);
        return body;
    }

    private Object account(Args a) {
        String run = requireRun(a);
        String id = a.text("id");
        AccountRow account = networks.account(run, id).orElseThrow(() -> ApiProblem.notFound(
                "account '" + (id.length() > 60 ? id.substring(0, 60) + "..." : id) + "' is in no network of run " + run
                        + "; /api/accounts?q=... finds accounts"));
        Page<EdgeRow> links = networks.links(run, id, a.offset(), a.limit());
        Object network = networks.network(run, account.networkId()).map(this::view).orElse(null);
        return Json.obj().with("run", run).with("account", account).with("network", network)
                .with("links", Json.page(links.total(), links.offset(), links.limit(), links.items()));
    }
}
