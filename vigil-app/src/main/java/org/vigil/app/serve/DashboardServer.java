package org.vigil.app.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;

/**
 * The dashboard and its REST API over one store, on Javalin. Answers GET only: the pages and their
 * scripts, and JSON under {@code /api}; every error is RFC 9457 problem+json. Every answer carries a
 * strict Content-Security-Policy (no inline script, nothing from other origins), so even text that
 * slipped through as markup could not run.
 *
 * <pre>{@code
 * try (VigilStore store = VigilStore.openReadOnly(db);
 *      DashboardServer server = DashboardServer.start(store, ServerSettings.local(0))) {
 *     System.out.println(server.url());
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
    static final String CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";
    static final String PROBLEM_JSON = "application/problem+json";
    /** On every answer, Jetty's own error pages included. */
    static final Map<String, String> SECURITY_HEADERS = securityHeaderMap();
    private static final String ANSWERED = "vigil.answered";
    private static final String QUERY = "vigil.query";
    private static final String VERSION = "0.1.0";

    private final Javalin app;
    private final ServerSettings settings;
    private final AnswerCache cache;

    private DashboardServer(Javalin app, ServerSettings settings, AnswerCache cache) {
        this.app = app;
        this.settings = settings;
        this.cache = cache;
    }

    /** Starts serving {@code store} as {@code settings} say; the caller keeps owning the store. */
    public static DashboardServer start(VigilStore store, ServerSettings settings) {
        Objects.requireNonNull(store, "The parameter 'store' must not be null.");
        Objects.requireNonNull(settings, "The parameter 'settings' must not be null.");
        List<Endpoint> endpoints = endpoints(store);
        List<Endpoint> documented = new ArrayList<>(endpoints);
        // the document describes itself too, so it is built after its own endpoint is declared
        AtomicReference<Map<String, Object>> openApi = new AtomicReference<>();
        documented.add(new Endpoint("/api/openapi.json", "meta", "This document",
                "The OpenAPI 3.1 description of every endpoint, generated from the declarations the server validates with.",
                List.of(), a -> openApi.get()));
        openApi.set(OpenApiDocument.of(documented, VERSION));
        StaticAssets assets = new StaticAssets();
        AccessGate gate = new AccessGate(settings.token(), HostAllowList.of(settings));
        // a store open for writing may change under the server, so only a read-only one has its answers kept
        AnswerCache cache = store.readOnly() ? new AnswerCache(Long.getLong(AnswerCache.BYTES_KEY, AnswerCache.DEFAULT_BYTES)) : null;

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = 4096; // nothing here takes a body
            config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.routes.before(ctx -> {
                securityHeaders(ctx);
                Map<String, List<String>> query = QueryString.parse(ctx.queryString());
                ctx.attribute(QUERY, query);
                gate.check(ctx, query);
            });
            for (Endpoint e : documented) {
                config.routes.get(e.path(), ctx -> {
                    Args args = Args.parse(ctx, e);
                    if (cache == null || e.path().startsWith("/api/export")) {
                        answer(ctx, e.handler().handle(args)); // downloads are large and made on demand: not kept
                    } else {
                        jsonBytes(ctx, cache.get(e.path() + "?" + args.key(), () -> Json.bytes(e.handler().handle(args))));
                    }
                });
            }
            for (Map.Entry<String, StaticAssets.Asset> a : assets.all().entrySet()) {
                StaticAssets.Asset asset = a.getValue();
                config.routes.get(a.getKey(), ctx -> {
                    ctx.header("Cache-Control", "no-cache");
                    ctx.contentType(asset.contentType()).result(asset.bytes());
                    ctx.attribute(ANSWERED, true);
                });
            }
            config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage(), e.errors()));
            config.routes.exception(AccessGate.Login.class, (e, ctx) -> {
                ctx.header("Set-Cookie", AccessGate.cookieHeader(e.session));
                ctx.header("Location", e.location);
                ctx.status(303).result("");
                ctx.attribute(ANSWERED, true);
            });
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> problem(ctx, 400, "Bad Request", e.getMessage(), List.of()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() != 404 || !notFoundPage(ctx, assets)) {
                    httpError(ctx, e.getStatus());
                }
            });
            config.routes.exception(VigilException.class, (e, ctx) -> {
                System.err.println("vigil serve: " + ctx.method() + " " + ctx.path() + ": " + e.getMessage());
                problem(ctx, 500, "Internal Server Error", "the store could not answer: " + e.getMessage(), List.of());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                System.err.println("vigil serve: " + ctx.method() + " " + ctx.path() + " failed:");
                e.printStackTrace();
                problem(ctx, 500, "Internal Server Error", "an unexpected error occurred; the server log has the details", List.of());
            });
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ANSWERED) == null && !notFoundPage(ctx, assets)) {
                    httpError(ctx, 404);
                }
            });
            config.routes.error(405, ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    httpError(ctx, 405);
                }
            });
        });
        try {
            app.start(settings.bind(), settings.port());
        } catch (RuntimeException e) {
            throw new VigilException("cannot listen on " + settings.bind() + ":" + settings.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + "; is another server using the port? pass another --port", e);
        }
        return new DashboardServer(app, settings, cache);
    }

    /** Every endpoint of the API over {@code store}, as declared (the OpenAPI document's own endpoint aside). */
    static List<Endpoint> endpoints(VigilStore store) {
        OutletCountries outlets = OutletCountries.bundled();
        NetworkApi networkApi = new NetworkApi(store, outlets);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(new OverviewApi(store, outlets, networkApi).endpoints());
        endpoints.addAll(new NewsApi(store).endpoints());
        endpoints.addAll(networkApi.endpoints());
        endpoints.addAll(new ExchangeApi(store).endpoints());
        endpoints.addAll(new AlertsApi(store).endpoints());
        return endpoints;
    }

    private static Map<String, String> securityHeaderMap() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        return Collections.unmodifiableMap(h);
    }

    /** A person typed or followed a wrong address (not under /api, /assets or /vendor): answers a page, not JSON. */
    private static boolean notFoundPage(Context ctx, StaticAssets assets) {
        String p = ctx.path();
        if (p.startsWith("/api/") || p.startsWith("/assets/") || p.startsWith("/vendor/")) {
            return false;
        }
        ctx.status(404).contentType(assets.notFoundPage().contentType()).result(assets.notFoundPage().bytes());
        ctx.attribute(ANSWERED, true);
        return true;
    }

    private static void securityHeaders(Context ctx) {
        SECURITY_HEADERS.forEach(ctx::header);
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** The request's query as {@link QueryString} decoded it before routing. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> query(Context ctx) {
        Map<String, List<String>> q = ctx.attribute(QUERY);
        return q != null ? q : QueryString.parse(ctx.queryString());
    }

    private static void jsonBytes(Context ctx, byte[] body) {
        ctx.status(200).contentType("application/json; charset=utf-8").result(body);
    }

    private static void answer(Context ctx, Object body) {
        if (body instanceof Download d) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
            ctx.status(200).contentType(d.contentType()).result(d.bytes());
            ctx.attribute(ANSWERED, true);
        } else {
            json(ctx, 200, body);
        }
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.bytes(body));
        ctx.attribute(ANSWERED, true);
    }

    private static void httpError(Context ctx, int status) {
        if (status == 405) {
            problem(ctx, 405, "Method Not Allowed", "this server is read-only and answers GET only", List.of());
        } else if (status == 404) {
            problem(ctx, 404, "Not Found", "no page or endpoint at " + shorten(ctx.path()) + "; /api/openapi.json lists the endpoints",
                    List.of());
        } else {
            problem(ctx, status, "Error", "the request could not be served", List.of());
        }
    }

    static void problem(Context ctx, int status, String title, String detail, List<ApiProblem.FieldError> errors) {
        Json.Obj body = Json.obj().with("type", "about:blank").with("title", title).with("status", status)
                .with("detail", detail).with("instance", shorten(ctx.path()));
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\"");
        }
        ctx.status(status).contentType(PROBLEM_JSON).result(Json.bytes(body));
        ctx.attribute(ANSWERED, true);
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** Answers kept so far and how often they served a request; zeros when the store is writable (nothing is kept). */
    public String cacheSummary() {
        return cache == null ? "no answer cache (the store is open for writing)"
                : cache.size() + " answers kept (" + cache.bytes() / 1024 + " KiB), " + cache.hits() + " hits, " + cache.misses() + " misses";
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** The address to open in a browser, e.g. {@code http://127.0.0.1:7070/}. */
    public String url() {
        String host = settings.bind().contains(":") ? "[" + settings.bind() + "]" : settings.bind();
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /** Stops serving; the store stays open. */
    @Override
    public void close() {
        app.stop();
    }
}
