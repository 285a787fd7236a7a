package org.vigil.app.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vigil serve}: the dashboard and REST API over a store, opened read-only, until Ctrl-C.
 * Binds to 127.0.0.1 unless told otherwise; any other address needs an access token.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the analyst's dashboard and the REST API (under /api, OpenAPI at /api/openapi.json) "
                + "over a Vigil store, read-only.",
                "A non-loopback --bind needs an access token (--token, or the VIGIL_TOKEN environment variable, which "
                        + "keeps it out of the process list); every request must then carry it, and a browser logs in once "
                        + "by opening /?token=TOKEN."})
public final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "VIGIL_TOKEN";
    private static final int OK = 0;
    private static final int USAGE = 2;

    /** The store {@code vigil demo} writes, served when there is no other. */
    static final Path DEMO_STORE = Path.of("vigil-data", "demo.duckdb");

    @Option(names = "--db", paramLabel = "FILE", description = "The store to serve (default: vigil-data/vigil.duckdb, "
            + "or the demo's vigil-data/demo.duckdb when only that exists).")
    Path db;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = ServerSettings.DEFAULT_BIND;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Access token (at least 128 bits, e.g. 'openssl rand -hex 24'); "
            + "default: $" + TOKEN_ENV + ".")
    String token;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "Another name the server answers to in the Host header, "
            + "such as a reverse proxy's public name (repeatable; the loopback names and the --bind address always are).")
    List<String> allowHosts = new ArrayList<>();

    /** Where the token is looked up when --token is absent; replaced in tests. */
    Map<String, String> env = System.getenv();
    PrintStream out = System.out;
    /** Where the default stores are looked for; replaced in tests. */
    Path workDir = Path.of("");
    PrintStream err = System.err;

    public ServeCommand() {
    }

    /** The store named by --db; else the default store, or the demo's when only that exists (and says so). */
    Path chooseStore() {
        if (db != null) {
            return db;
        }
        Path main = workDir.resolve(VigilStore.DEFAULT_PATH);
        Path demo = workDir.resolve(DEMO_STORE);
        if (java.nio.file.Files.exists(main)) {
            return main;
        }
        if (!java.nio.file.Files.exists(demo)) {
            throw new VigilException("no Vigil store at " + main + " and no demo store at " + demo
                    + "; run './vigil demo' for a sample store, or 'vigil ingest' to fill one, or pass --db FILE");
        }
        out.println("No store at " + main + ": serving the demo store " + demo + " (made by 'vigil demo'); pass --db FILE for another.");
        return demo;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        VigilStore store;
        try {
            settings = new ServerSettings(bind, port, token != null ? token : env.get(TOKEN_ENV), allowHosts);
            store = VigilStore.openReadOnly(chooseStore());
        } catch (VigilException e) {
            err.println("vigil serve: " + e.getMessage());
            return USAGE;
        }
        DashboardServer server;
        try {
            server = DashboardServer.start(store, settings);
        } catch (VigilException e) {
            store.close();
            err.println("vigil serve: " + e.getMessage());
            return USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            stopped.countDown();
        }, "vigil-serve-shutdown"));
        out.println("Vigil dashboard at " + server.url() + " serving the store " + store.path() + " (read-only). Ctrl-C stops it.");
        if (settings.token() != null) {
            out.println("Access token required: API clients send 'Authorization: Bearer TOKEN'; "
                    + "a browser logs in once at " + server.url() + "?token=TOKEN");
        }
        stopped.await();
        return OK;
    }
}
