package org.vigil.bench.serve;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How many requests a second does {@code vigil serve} sustain on 2 cores, and at what latency and
 * memory? Starts the real server as its own process on 127.0.0.1 (so its memory and CPU are its
 * own), over the demo store ({@code vigil demo}: the measurements were taken on it) or
 * {@code --db}; then, per endpoint, {@code --clients} threads on keep-alive connections send GETs
 * until {@code --requests} are answered or {@code --seconds} pass, whichever comes first, after an
 * untimed warm-up. Reports requests/s, errors (any answer but 200, any broken connection), p50/p99/max
 * latency, the server's resident memory and its CPU time per request as a Markdown table. Loopback
 * only, bounded in requests and time, and the server is stopped at the end: a benchmark, not a test.
 *
 * <p>Run: {@code ./bench load [--db FILE] [--clients 8] [--requests 20000] [--seconds 20]}; figures in
 * docs/benchmarks.md.
 */
@Command(name = "load-bench", mixinStandardHelpOptions = true,
        description = "Concurrent load on the dashboard API over loopback: requests/s, errors, p50/p99, server memory.")
public final class LoadBench implements Callable<Integer> {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @Option(names = "--db", description = "The store to serve (default: the demo store, built in a temporary folder).")
    Path db;

    @Option(names = "--clients", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int clients = 8;

    @Option(names = "--requests", description = "Most timed requests per endpoint (default: ${DEFAULT-VALUE}).")
    int requests = 20_000;

    @Option(names = "--seconds", description = "Most seconds per endpoint (default: ${DEFAULT-VALUE}).")
    int seconds = 20;

    @Option(names = "--warmup", description = "Untimed requests per endpoint first (default: ${DEFAULT-VALUE}).")
    int warmup = 500;

    @Option(names = "--server-heap", description = "The server's -Xmx (default: ${DEFAULT-VALUE}).")
    String serverHeap = "1g";

    @Option(names = "--cache-bytes", description = "The server's answer cache budget (vigil.serve.cache.bytes; 0 turns it off; "
            + "default: the server's own).")
    Long cacheBytes;

    private final PrintStream out = System.out;

    /** The demo store of a previous run is kept here between runs (it takes a CoreNLP load to build). */
    @Option(names = "--keep-demo", description = "Build the demo store here once and reuse it.")
    Path keepDemo;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadBench()).execute(args));
    }

    private record Endpoint(String name, List<String> targets) {
    }

    private record Result(long ok, long errors, double seconds, long[] nanos, String firstError) {
    }

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || clients > 64 || requests < 1 || requests > 1_000_000 || seconds < 1 || seconds > 600 || warmup < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--clients 1..64, --requests 1..1000000, --seconds 1..600 and --warmup >= 0 keep the load bounded");
        }
        Path work = Files.createTempDirectory("vigil-load-bench");
        Path store = db != null ? db : keepDemo != null && Files.exists(keepDemo) ? keepDemo
                : demoStore(keepDemo != null ? keepDemo : work.resolve("demo.duckdb"), work);
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx" + serverHeap, "-XX:+UseParallelGC"));
        if (cacheBytes != null) {
            cmd.add("-Dvigil.serve.cache.bytes=" + cacheBytes);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.vigil.app.Main", "serve", "--db", store.toString(),
                "--port", "0"));
        Path log = work.resolve("server.log");
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitPort(server, log);
            out.printf(Locale.ROOT, "Server pid %d on 127.0.0.1:%d over %s; %d clients, at most %,d requests or %d s per endpoint "
                    + "after %d warm-up requests; load average before: %s%n", server.pid(), port, store, clients, requests, seconds,
                    warmup, loadAverage());
            out.println();
            out.println("| endpoint | requests | errors | req/s | p50 ms | p99 ms | max ms | server RSS MiB | server CPU ms/req |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Endpoint e : endpoints()) {
                run(port, e, warmup, 60);
                long cpu0 = cpuMillis(server.pid());
                Result r = run(port, e, requests, seconds);
                long cpu1 = cpuMillis(server.pid());
                long[] ns = r.nanos();
                Arrays.sort(ns);
                out.printf(Locale.ROOT, "| %s | %,d | %d | %,.0f | %.2f | %.2f | %.1f | %d | %.3f |%n", e.name(), r.ok() + r.errors(),
                        r.errors(), (r.ok() + r.errors()) / r.seconds(), pct(ns, 50), pct(ns, 99),
                        ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6, rssMiB(server.pid()),
                        (cpu1 - cpu0) / (double) Math.max(1, r.ok() + r.errors()));
                if (r.firstError() != null) {
                    out.println("first error on " + e.name() + ": " + r.firstError());
                }
            }
            out.println();
            out.printf("Load average after: %s; peak server RSS %d MiB.%n", loadAverage(), peakRssMiB(server.pid()));
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        return 0;
    }

    private static List<Endpoint> endpoints() {
        String[] searches = {"Kremlin", "hackers campaign", "\"state media\"", "disinformation -sanctions", "Tehran trump",
                "influence operation", "ballots voters", "Beijing", "indictment", "phishing"};
        List<String> search = Arrays.stream(searches).map(q -> "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).toList();
        List<String> cells = new ArrayList<>();
        for (String h : List.of("RU", "CN", "IR", "KP")) {
            for (String t : List.of("trump", "harris", "biden", "clinton")) {
                cells.add("/api/claims?holder=" + h + "&target=" + t);
            }
        }
        List<String> filtered = new ArrayList<>();
        for (int y = 2016; y < 2024; y++) {
            filtered.add("/api/matrix?hedged=false&disputed=false&from=" + y + "-01-01");
        }
        return List.of(
                new Endpoint("**/api/matrix**", List.of("/api/matrix")),
                new Endpoint("**/api/overview**", List.of("/api/overview")),
                new Endpoint("/api/matrix (8 filters)", filtered),
                new Endpoint("/api/claims (16 cells)", cells),
                new Endpoint("/api/search (10 queries)", search),
                new Endpoint("/api/networks", List.of("/api/networks")),
                new Endpoint("/api/meta", List.of("/api/meta")),
                new Endpoint("/ (page)", List.of("/")));
    }

    /** {@code count} requests, or as many as fit in {@code seconds}, over {@code clients} keep-alive connections. */
    private Result run(int port, Endpoint e, int count, int seconds) throws InterruptedException {
        if (count == 0) {
            return new Result(0, 0, 1, new long[0], null);
        }
        AtomicLong left = new AtomicLong(count);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[][] nanos = new long[clients][];
        int[] filled = new int[clients];
        Thread[] threads = new Thread[clients];
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int me = c;
            nanos[c] = new long[count / clients + 1];
            threads[c] = new Thread(() -> {
                Connection conn = null;
                int i = me;
                while (System.nanoTime() < deadline && left.getAndDecrement() > 0) {
                    String target = e.targets().get(i++ % e.targets().size());
                    long start = System.nanoTime();
                    try {
                        if (conn == null) {
                            conn = new Connection(port);
                        }
                        int status = conn.get(target);
                        if (status == 200) {
                            ok.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, target + " answered " + status);
                        }
                    } catch (IOException ex) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, target + ": " + ex);
                        conn = close(conn);
                    }
                    if (filled[me] < nanos[me].length) {
                        nanos[me][filled[me]++] = System.nanoTime() - start;
                    }
                }
                close(conn);
            }, "load-client-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = new long[Arrays.stream(filled).sum()];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(nanos[c], 0, all, at, filled[c]);
            at += filled[c];
        }
        return new Result(ok.get(), errors.get(), elapsed, all, firstError.get());
    }

    private static Connection close(Connection c) {
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
        return null;
    }

    /** One keep-alive HTTP/1.1 connection that reads answers by Content-Length (what the server sends). */
    private static final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final String host;
        final byte[] skip = new byte[1 << 16];

        Connection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            host = "127.0.0.1:" + port;
        }

        int get(String target) throws IOException {
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.split(" ", 3)[1]);
            long length = -1;
            boolean chunked = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18) && h.toLowerCase(Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                    discard(size);
                    line();
                }
                line(); // the empty line after the last chunk (no trailers here)
            } else if (length >= 0) {
                discard(length);
            } else {
                throw new IOException("answer to " + target + " has neither Content-Length nor chunks");
            }
            return code;
        }

        private void discard(long length) throws IOException {
            while (length > 0) {
                int n = in.read(skip, 0, (int) Math.min(skip.length, length));
                if (n < 0) {
                    throw new IOException("connection closed mid-answer");
                }
                length -= n;
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            if (c < 0) {
                throw new IOException("connection closed");
            }
            return b.toString();
        }
    }

    private Path demoStore(Path file, Path work) throws IOException, InterruptedException {
        out.println("Building the demo store (vigil demo) at " + file + " ...");
        Process p = new ProcessBuilder(java(), "-Xmx3g", "-cp", System.getProperty("java.class.path"), "org.vigil.app.Main", "demo",
                "--db", file.toString(), "--out", work.resolve("demo-coordination").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("demo.log").toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("vigil demo failed; see " + work.resolve("demo.log"));
        }
        return file;
    }

    private static int awaitPort(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped: " + Files.readString(log));
            }
            Matcher m = URL.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not start within 60 s: " + Files.readString(log));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long status(long pid, String field) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of("/proc", Long.toString(pid), "status")),
                StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private static long rssMiB(long pid) {
        return status(pid, "VmRSS");
    }

    private static long peakRssMiB(long pid) {
        return status(pid, "VmHWM");
    }

    /** User plus system CPU time of the process, from /proc (clock ticks of 10 ms on Linux). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
