package org.vigil.app.exchange;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.CliRun;
import org.vigil.app.Main;
import org.vigil.model.Account;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Claim;
import org.vigil.model.CoordinationEdge;
import org.vigil.model.CoordinationKind;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Stance;
import org.vigil.model.Technique;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --progress} on the exports: a bar on stderr when asked, none when not, the same files
 * either way. The bar waits a second before it draws, so these runs read a clock that advances a
 * second per reading; without it a small export would finish before any bar could show.
 */
class ExportProgressTest {
    private static final int ARTICLES = 30;
    private static final String RUN = "progress-run";

    @TempDir
    static Path dir;
    private static Path db;

    /** One export run with the bar forced on and the same run with it off. */
    private record Both(CliRun shown, CliRun hidden) {
    }

    @BeforeAll
    static void aStoreWithArticlesClaimsIncidentsAndARun() throws Exception {
        db = dir.resolve("progress.duckdb");
        List<Extraction> extractions = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            String sentence = "The Kremlin favours Trump, officials said on day " + i + ".";
            String text = "A made-up article. " + sentence;
            Evidence evidence = new Evidence(sentence, text.indexOf(sentence), text.indexOf(sentence) + sentence.length());
            Article a = new Article("art" + i, "a" + i + ".html", "https://news.example/" + i, "Story " + i,
                    LocalDate.parse("2024-08-01").plusDays(i), "en", text, List.of());
            extractions.add(new Extraction(a,
                    List.of(new Claim("RU", "trump", Stance.FAVORS, false, false, Basis.ASSESSMENT, "Kremlin", evidence)),
                    List.of(new Incident("RU", Technique.INAUTHENTIC_ACCOUNTS, IncidentTarget.VOTERS, IncidentStatus.ALLEGED,
                            2024, "T0091.003", evidence))));
        }
        List<Account> accounts = new ArrayList<>();
        List<CoordinationEdge> edges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            accounts.add(new Account("acct" + i, 0, 0.5, 10, 1));
            if (i > 0) {
                edges.add(new CoordinationEdge("acct0", "acct" + i, 0, 4.0 + i, Map.of(CoordinationKind.CO_RETWEET, i)));
            }
        }
        try (VigilStore store = VigilStore.open(db)) {
            store.saveExtractions(extractions);
            store.write(c -> {
                CoordinationWriter w = new CoordinationWriter(c);
                w.createTables();
                w.write(new CoordinationRun(RUN, Instant.parse("2024-09-01T10:00:00Z"), List.of("posts.csv"), "coortweet",
                        Map.of(), 400, 0), new CoordinationResult(accounts, List.of(), edges, Map.of()));
                return null;
            });
        }
    }

    /** Runs an export subcommand as the CLI would, its bar reading a clock one second further on each time. */
    private static CliRun export(ExportCommand.Base command, String... args) {
        AtomicLong now = new AtomicLong();
        command.clock = () -> now.addAndGet(1_000_000_000L);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code command} twice on the test store, with {@code --progress always} and {@code never}; both must succeed. */
    private static Both withAndWithoutBar(Supplier<ExportCommand.Base> command, Path withBar, Path without, String... options) {
        CliRun shown = export(command.get(), args(withBar, "always", options));
        CliRun hidden = export(command.get(), args(without, "never", options));
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(hidden.code()).as(hidden.err()).isZero();
        return new Both(shown, hidden);
    }

    private static String[] args(Path output, String progress, String... options) {
        List<String> a = new ArrayList<>(List.of("--db", db.toString(), "--output", output.toString(), "--progress", progress));
        a.addAll(List.of(options));
        return a.toArray(String[]::new);
    }

    private static List<String> barLines(String err) {
        List<String> lines = new ArrayList<>();
        for (String part : err.split("\r")) {
            if (part.startsWith("[")) {
                lines.add(part.strip());
            }
        }
        return lines;
    }

    private static Map<String, byte[]> files(Path folder) throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void stixWithProgressAlwaysDrawsTheBarAndWritesTheSameBundleAsWithNever() throws Exception {
        Path withBar = dir.resolve("bar.json");
        Path without = dir.resolve("plain.json");
        Both run = withAndWithoutBar(ExportCommand.Stix::new, withBar, without);
        CliRun shown = run.shown();
        CliRun hidden = run.hidden();

        assertThat(barLines(shown.err())).isNotEmpty()
                .anyMatch(l -> l.contains(ARTICLES + "/" + ARTICLES + " claims read"))
                .anyMatch(l -> l.contains(ARTICLES + "/" + ARTICLES + " reports built"))
                .anyMatch(l -> l.matches("\\[#{30}] (\\d+)/\\1 objects written .*"));
        assertThat(hidden.err()).doesNotContain("\r");
        assertThat(Files.readAllBytes(withBar)).isEqualTo(Files.readAllBytes(without));

        // the same one-line summary ends stderr either way, after the bar is cleared
        String summary = "export stix: wrote %s: \\d+ STIX objects \\(.*report " + ARTICLES + ".*\\) in \\d+\\.\\d s\n";
        assertThat(hidden.err()).matches(String.format(summary, ".*plain\\.json"));
        String afterBar = shown.err().substring(shown.err().lastIndexOf('\r') + 1);
        assertThat(afterBar).matches(String.format(summary, ".*bar\\.json"));
        assertThat(shown.err()).endsWith("\r" + " ".repeat(100) + "\r" + afterBar);
        assertThat(hidden.out()).isEmpty();
    }

    @Test
    void csvWithProgressAlwaysCountsRowsOfTheWholeStoreAndWritesTheSameTables() throws Exception {
        Path withBar = dir.resolve("csv-bar");
        Path without = dir.resolve("csv-plain");
        Both run = withAndWithoutBar(ExportCommand.Csv::new, withBar, without);
        CliRun shown = run.shown();
        CliRun hidden = run.hidden();

        long rows = hidden.out().lines().mapToLong(l -> Long.parseLong(l.replaceAll(".*: (\\d+) rows$", "$1"))).sum();
        assertThat(rows).isGreaterThan(ARTICLES * 3);
        assertThat(barLines(shown.err())).isNotEmpty().anyMatch(l -> l.contains(String.format(Locale.ROOT, "%,d/%,d rows written", rows, rows)));
        assertThat(hidden.err()).doesNotContain("\r")
                .matches("export csv: wrote \\d+ tables, " + rows + " rows to .*csv-plain in \\d+\\.\\d s\n");
        Map<String, byte[]> a = files(withBar);
        Map<String, byte[]> b = files(without);
        assertThat(a.keySet()).isEqualTo(b.keySet()).contains("claims.csv", "coordination_edges.csv");
        a.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(b.get(name)));
    }

    @Test
    void gexfWithProgressAlwaysCountsNodesAndEdgesAndWritesTheSameGraph() throws Exception {
        Path withBar = dir.resolve("bar.gexf");
        Path without = dir.resolve("plain.gexf");
        Both run = withAndWithoutBar(ExportCommand.Gexf::new, withBar, without, "--run", RUN);
        CliRun shown = run.shown();
        CliRun hidden = run.hidden();

        assertThat(barLines(shown.err())).isNotEmpty()
                .anyMatch(l -> l.contains("20/20 accounts read"))
                .anyMatch(l -> l.contains("19/19 links read"))
                .anyMatch(l -> l.contains("39/39 nodes and edges written"));
        assertThat(hidden.err()).doesNotContain("\r")
                .matches("export gexf: wrote .*plain\\.gexf: 20 accounts, 19 links of run " + RUN + " in \\d+\\.\\d s\n");
        assertThat(Files.readAllBytes(withBar)).isEqualTo(Files.readAllBytes(without));
    }

    @Test
    void aBadProgressValueIsAUsageErrorNamingTheOptionAndWritesNothing() {
        Path output = dir.resolve("never-written.json");
        CliRun r = CliRun.of("export", "stix", "--db", db.toString(), "--output", output.toString(), "--progress", "loud");
        assertThat(r.code()).isEqualTo(Main.USAGE);
        assertThat(r.err()).startsWith("--progress must be auto, always or never, got 'loud'\n")
                .contains("Usage: vigil export stix");
        assertThat(output).doesNotExist();
    }
}
