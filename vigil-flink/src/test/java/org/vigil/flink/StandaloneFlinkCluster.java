package org.vigil.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flink standalone session cluster on this machine, as {@code bin/start-cluster.sh} starts it, but without a
 * Flink distribution: one JobManager JVM ({@link #JOB_MANAGER}) and one TaskManager JVM ({@link #TASK_MANAGER}),
 * each started from a "lib" class path, with the JVM memory options that Flink's own {@code BashJavaUtils}
 * computes from the generated {@code config.yaml} (what {@code jobmanager.sh} and {@code taskmanager.sh} do).
 * Everything binds to 127.0.0.1 on free ports. {@link #flinkRun} runs {@link #CLI}, which is what
 * {@code bin/flink run} executes, with {@code FLINK_CONF_DIR} set. {@link #close} kills both JVMs; a shutdown
 * hook does the same if the test JVM exits first.
 *
 * <p>The lib class path comes from {@link #distributionLib}: the artifacts a Flink distribution's {@code lib/}
 * holds, worked out from this module's resolved dependency graph rather than guessed (see there).
 */
final class StandaloneFlinkCluster implements AutoCloseable {
    static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String CLI = "org.apache.flink.client.cli.CliFrontend";
    private static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /**
     * What flink-dist's jar carries, as artifacts of this build: the DataStream runtime and client, and the
     * RocksDB state backend (bundled in the distribution since Flink 1.x). Their transitive closure is the lib/.
     */
    static final List<String> DISTRIBUTION_ROOTS = List.of(
            "org.apache.flink:flink-runtime", "org.apache.flink:flink-clients", "org.apache.flink:flink-streaming-java",
            "org.apache.flink:flink-statebackend-rocksdb");

    /** JVM options for Java 17, as a distribution's config.yaml sets them in env.java.opts.all (Kryo, Pekko, Netty). */
    static final List<String> JAVA_17_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /** The outcome of a finished CLI run: exit code and everything it printed. */
    record Run(int exitCode, String output) {
    }

    private final Path home;
    private final Path conf;
    private final Path log;
    private final String classPath;
    private final int restPort;
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Thread killer = new Thread(this::kill, "kill flink cluster");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StandaloneFlinkCluster(Path home, List<Path> lib, int slots) throws IOException {
        this.home = home;
        this.conf = Files.createDirectories(home.resolve("conf"));
        this.log = Files.createDirectories(home.resolve("log"));
        this.classPath = lib.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        this.restPort = freePort();
        Path tmp = Files.createDirectories(home.resolve("tmp"));
        // Flink 2.x reads conf/config.yaml (standard YAML); nested keys written flat are accepted too
        List<String> config = List.of(
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + freePort(),
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1024m",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.host: 127.0.0.1",
                "taskmanager.rpc.port: " + freePort(),
                "taskmanager.data.port: " + freePort(),
                "taskmanager.memory.process.size: 1024m",
                "taskmanager.numberOfTaskSlots: " + slots,
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "blob.server.port: " + freePort(),
                "parallelism.default: 1",
                "io.tmp.dirs: " + tmp,
                "jobmanager.execution.failover-strategy: region",
                "restart-strategy.type: none",
                "env.java.opts.all: " + String.join(" ", JAVA_17_OPTIONS));
        Files.write(conf.resolve("config.yaml"), config);
        Files.writeString(conf.resolve("log4j.properties"), log4j("MainAppender"));
        Files.writeString(conf.resolve("log4j-cli.properties"), log4j("CliAppender"));
    }

    /** Starts the JobManager and the TaskManager and waits (at most {@code timeout}) until the TaskManager's slots are registered. */
    static StandaloneFlinkCluster start(Path home, List<Path> lib, int slots, Duration timeout) throws Exception {
        StandaloneFlinkCluster c = new StandaloneFlinkCluster(home, lib, slots);
        Runtime.getRuntime().addShutdownHook(c.killer);
        try {
            c.launch("jobmanager", JOB_MANAGER, "GET_JM_RESOURCE_PARAMS");
            c.launch("taskmanager", TASK_MANAGER, "GET_TM_RESOURCE_PARAMS");
            c.await(timeout, "the TaskManager's " + slots + " slots at the JobManager", () -> {
                String overview = c.restOrNull("/overview");
                return overview != null && overview.contains("\"slots-total\":" + slots);
            });
            return c;
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
    }

    /**
     * For manual tries ({@code scripts/flink-local-cluster}): {@code DIST HOME [SLOTS]} starts a cluster in HOME
     * from the lib/ of DIST (target/flink-dist), writes HOME/flink, a {@code bin/flink} for it, and runs until
     * interrupted; the shutdown hook then kills the JobManager and TaskManager.
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: StandaloneFlinkCluster DIST_DIR HOME [SLOTS]");
            System.exit(2);
        }
        Path home = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        int slots = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        StandaloneFlinkCluster c = start(home, distributionLib(Path.of(args[0])), slots, Duration.ofMinutes(3));
        List<String> cli = new ArrayList<>(java());
        cli.addAll(JAVA_17_OPTIONS);
        cli.add("-Dlog.file=" + c.log.resolve("flink-cli.log"));
        cli.add("-Dlog4j.configurationFile=" + c.conf.resolve("log4j-cli.properties").toUri());
        cli.addAll(List.of("-cp", "'" + c.classPath + "'", CLI));
        Path flink = home.resolve("flink");
        Files.writeString(flink, "#!/bin/sh\n# bin/flink for the cluster in " + home + "\nFLINK_CONF_DIR='" + c.conf
                + "' exec " + String.join(" ", cli) + " \"$@\"\n");
        flink.toFile().setExecutable(true);
        System.out.println("Flink cluster up: web UI and REST at http://127.0.0.1:" + c.restPort + ", logs in " + c.log);
        System.out.println("submit with: " + flink + " run vigil-flink/target/vigil-flink-0.1.0-SNAPSHOT-job.jar --input FILE --output DIR");
        System.out.println("Ctrl-C stops it");
        while (true) {
            c.await(Duration.ofDays(365), "the end", () -> false);
        }
    }

    int restPort() {
        return restPort;
    }

    Path confDir() {
        return conf;
    }

    /** The PIDs of the JobManager and TaskManager JVMs. */
    List<Long> pids() {
        return processes.values().stream().map(Process::pid).toList();
    }

    /** {@code flink run ARGS}: the CLI in its own JVM, from the lib class path, with FLINK_CONF_DIR set; killed after {@code timeout}. */
    Run flinkRun(List<String> args, Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>(java());
        cmd.addAll(JAVA_17_OPTIONS);
        cmd.add("-Dlog.file=" + log.resolve("flink-cli.log"));
        cmd.add("-Dlog4j.configurationFile=" + conf.resolve("log4j-cli.properties").toUri());
        cmd.addAll(List.of("-cp", classPath, CLI, "run"));
        cmd.addAll(args);
        Path out = log.resolve("flink-cli.out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).directory(home.toFile());
        pb.environment().put("FLINK_CONF_DIR", conf.toString());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("flink run did not end within " + timeout + "\n" + logTails());
            }
            return new Run(p.exitValue(), Files.readString(out));
        } finally {
            destroy(p);
        }
    }

    /** GET {@code path} on the REST endpoint; the body, or an error naming the status. */
    String rest(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " gave " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private String restOrNull(String path) {
        try {
            return rest(path);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Waits until {@code done}, at most {@code timeout}; fails early, with the logs, when a cluster JVM has died. */
    void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            for (Map.Entry<String, Process> e : processes.entrySet()) {
                if (!e.getValue().isAlive()) {
                    throw new AssertionError("the " + e.getKey() + " JVM exited with " + e.getValue().exitValue()
                            + " while waiting for " + what + "\n" + logTails());
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within " + timeout + "\n" + logTails());
            }
            Thread.sleep(500);
        }
    }

    /** The last lines of every log and stdout file of the cluster and the CLI, for a failure message. */
    String logTails() {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(log)) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                b.append("----- ").append(f.getFileName()).append(" (last 60 of ").append(lines.size()).append(" lines) -----\n");
                lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> b.append(l).append('\n'));
            }
        } catch (IOException | UncheckedIOException e) {
            b.append("(logs unreadable: ").append(e).append(")\n");
        }
        return b.toString();
    }

    /**
     * The TCP ports the cluster JVMs listen on and the address of each, read from /proc (Linux): every
     * listening socket whose inode one of the JVMs holds. Empty where there is no /proc.
     */
    Map<Integer, String> listeningSockets() throws IOException {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids()) {
            Path fd = Path.of("/proc", Long.toString(pid), "fd");
            if (!Files.isDirectory(fd)) {
                continue;
            }
            try (Stream<Path> fds = Files.list(fd)) {
                for (Path f : fds.toList()) {
                    try {
                        String target = Files.readSymbolicLink(f).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException ignored) {
                        // a descriptor closed while listing
                    }
                }
            }
        }
        Map<Integer, String> listening = new java.util.TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path t = Path.of(table);
            if (!Files.isReadable(t)) {
                continue;
            }
            for (String row : Files.readAllLines(t).subList(1, Files.readAllLines(t).size())) {
                String[] f = row.trim().split("\\s+");
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                    String[] local = f[1].split(":");
                    listening.put(Integer.parseInt(local[1], 16), address(local[0]));
                }
            }
        }
        return listening;
    }

    /** A /proc/net address (hex, little-endian words) as text: 127.0.0.1, ::1, 0.0.0.0, :: ... */
    private static String address(String hex) {
        byte[] b = new byte[hex.length() / 2];
        for (int word = 0; word < b.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(b).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return hex;
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException ignored) {
            // already shutting down: the hook runs kill() itself
        }
    }

    private synchronized void kill() {
        processes.values().forEach(StandaloneFlinkCluster::destroy);
    }

    private static void destroy(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code mainClass} as the scripts do: BashJavaUtils {@code resourceCommand} gives the JVM memory
     * options and the memory settings (dynamic properties) from config.yaml, then the JVM runs with them.
     */
    private void launch(String name, String mainClass, String resourceCommand) throws Exception {
        List<String> utils = new ArrayList<>(java());
        utils.addAll(List.of("-cp", classPath, "-Dlog4j.configurationFile=" + conf.resolve("log4j-cli.properties").toUri(),
                "-Dlog.file=" + log.resolve("bash-java-utils.log"), BASH_JAVA_UTILS, resourceCommand, "--configDir", conf.toString()));
        Process u = new ProcessBuilder(utils).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(u.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!u.waitFor(60, TimeUnit.SECONDS) || u.exitValue() != 0) {
                throw new AssertionError("BashJavaUtils " + resourceCommand + " failed:\n" + output + "\n" + logTails());
            }
        } finally {
            destroy(u);
        }
        List<String> results = output.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length()).trim()).toList();
        if (results.size() < 2) {
            throw new AssertionError("BashJavaUtils " + resourceCommand + " printed no JVM options and settings:\n" + output);
        }
        List<String> cmd = new ArrayList<>(java());
        cmd.addAll(List.of(results.get(0).split("\\s+")));
        cmd.addAll(JAVA_17_OPTIONS);
        cmd.add("-Dlog.file=" + log.resolve(name + ".log"));
        cmd.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        cmd.addAll(List.of("-cp", classPath, mainClass, "--configDir", conf.toString()));
        cmd.addAll(List.of(results.get(results.size() - 1).split("\\s+")));
        Process p = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.resolve(name + ".out").toFile()).start();
        synchronized (this) {
            processes.put(name, p);
        }
    }

    private static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String log4j(String appender) {
        return String.join("\n",
                "monitorInterval = 0",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.main.ref = " + appender,
                "appender.main.name = " + appender,
                "appender.main.type = File",
                "appender.main.append = true",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-50c{1.} [%t] - %m%n",
                "logger.netty.name = org.apache.flink.shaded.netty4",
                "logger.netty.level = WARN",
                "");
    }

    // ---------------------------------------------------------------- the distribution's lib/

    /**
     * The class path of a Flink distribution's {@code lib/}, from the files the build writes into {@code dist}
     * (see vigil-flink/pom.xml, phase pre-integration-test): the transitive closure of {@link #DISTRIBUTION_ROOTS}
     * in {@code dependency-tree.txt} (this module's verbose dependency tree), located through
     * {@code classpath.txt} (this module's resolved class path), without slf4j and log4j, plus the logging jars
     * a distribution ships, copied to {@code lib/} (slf4j-api 1.7, log4j 2 with its slf4j binding).
     *
     * <p>Why not the test class path minus what the job jar ships: that class path also holds everything
     * vigil-flink's tests need (Kafka broker, JUnit, CoreNLP...), so a class the job jar fails to ship would still
     * be found there and the test would pass on a class path no cluster has. The closure has exactly Flink and
     * what Flink itself depends on, at the versions this build resolves.
     */
    static List<Path> distributionLib(Path dist) throws IOException {
        Map<String, Node> tree = parseTree(Files.readAllLines(dist.resolve("dependency-tree.txt")));
        List<Path> resolved = Stream.of(Files.readString(dist.resolve("classpath.txt")).trim().split(java.io.File.pathSeparator))
                .map(Path::of).toList();
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(DISTRIBUTION_ROOTS);
        while (!todo.isEmpty()) {
            String key = todo.poll();
            if (key.startsWith("org.slf4j:") || key.startsWith("org.apache.logging.log4j:") || !closure.add(key)) {
                continue;
            }
            Node n = tree.get(key);
            if (n == null) {
                throw new IllegalStateException(key + " is not in " + dist.resolve("dependency-tree.txt"));
            }
            todo.addAll(n.children);
        }
        List<Path> lib = new ArrayList<>();
        for (String key : closure) {
            Node n = tree.get(key);
            String[] ga = key.split(":");
            String file = ga[1] + "-" + n.version + (ga.length > 2 ? "-" + ga[2] : "") + ".jar";
            String suffix = String.join("/", ga[0].split("\\.")) + "/" + ga[1] + "/" + n.version + "/" + file;
            lib.add(resolved.stream().filter(p -> p.toString().replace('\\', '/').endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key + ":" + n.version + " (" + suffix + ") is not in "
                            + dist.resolve("classpath.txt"))));
        }
        try (Stream<Path> logging = Files.list(dist.resolve("lib"))) {
            lib.addAll(logging.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
        }
        return lib;
    }

    /** An artifact's winning node in the tree: its version and the keys of all its children (kept or omitted). */
    private record Node(String version, List<String> children) {
    }

    /**
     * Parses {@code mvn dependency:tree -Dverbose} text. Keys are groupId:artifactId[:classifier]. A verbose tree
     * lists every dependency of a kept node, also the ones omitted as duplicates or conflicts (in parentheses);
     * following kept nodes by key gives the full closure.
     */
    static Map<String, Node> parseTree(List<String> lines) {
        Map<String, Node> nodes = new HashMap<>();
        Deque<Map.Entry<Integer, List<String>>> stack = new ArrayDeque<>(); // depth -> children of the kept node there
        for (String line : lines) {
            int start = 0;
            while (start < line.length() && " |+-\\".indexOf(line.charAt(start)) >= 0) {
                start++;
            }
            if (start >= line.length()) {
                continue;
            }
            int depth = start / 3;
            String body = line.substring(start);
            boolean omitted = body.startsWith("(");
            String coordinate = (omitted ? body.substring(1) : body).split("[ )]")[0];
            String[] c = coordinate.split(":");
            if (c.length < 4) {
                continue;
            }
            // g:a:type:version[:scope] or g:a:type:classifier:version:scope
            boolean classified = c.length == 6;
            String key = c[0] + ":" + c[1] + (classified ? ":" + c[3] : "");
            String version = classified ? c[4] : c[3];
            while (!stack.isEmpty() && stack.peek().getKey() >= depth) {
                stack.pop();
            }
            if (!stack.isEmpty()) {
                stack.peek().getValue().add(key);
            }
            if (!omitted) {
                List<String> children = new ArrayList<>();
                nodes.putIfAbsent(key, new Node(version, children));
                stack.push(Map.entry(depth, children));
            } else {
                stack.push(Map.entry(depth, new ArrayList<>()));
            }
        }
        return nodes;
    }
}
