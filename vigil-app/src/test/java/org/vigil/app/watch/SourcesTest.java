package org.vigil.app.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.app.Main;

class SourcesTest {
    @TempDir
    Path dir;

    @Test
    void aSourcesFileGivesFeedsFoldersRelativeToItselfWebhooksAndSettings() throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                feeds:
                  - https://wire.example/rss.xml
                  - {url: https://lab.example/atom, name: Lab}
                sitemaps: [https://paper.example/news-sitemap.xml]
                folders: [incoming/news]
                posts: [incoming/posts]
                webhooks: [https://hooks.example/vigil]
                settings:
                  watch.every: 30m
                  alerts.balance.shift: 0.4
                  coordination.window.seconds: 120
                """);
        Sources s = Sources.read(file);
        assertThat(s.feeds()).containsExactly("https://wire.example/rss.xml", "https://lab.example/atom");
        assertThat(s.sitemaps()).containsExactly("https://paper.example/news-sitemap.xml");
        assertThat(s.folders()).containsExactly(dir.toAbsolutePath().resolve("incoming/news"));
        assertThat(s.posts()).containsExactly(dir.toAbsolutePath().resolve("incoming/posts"));
        assertThat(s.webhooks()).containsExactly("https://hooks.example/vigil");
        assertThat(s.settings().every()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.settings().balanceShift()).isEqualTo(0.4);
        assertThat(s.settings().coordination()).containsEntry("coordination.window.seconds", "120");
        assertThat(s.settings().fetch().maxRedirects()).isEqualTo(5);
    }

    @Test
    void badSourcesFilesFailWithOneLineNamingTheFileAndTheEntry() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "feedz: [https://x.example/rss]\n");
        assertThatThrownBy(() -> Sources.read(file)).hasMessage(file + ": unknown section 'feedz'; use feeds, sitemaps, folders, posts, webhooks or settings");
        Files.writeString(file, "feeds:\n  - https://ok.example/rss\n  - [a, b]\n");
        assertThatThrownBy(() -> Sources.read(file)).hasMessage(file
                + ": feeds entry 2 is neither text nor a mapping with url: (or path:); write e.g. '- https://example.org/rss.xml'");
        Files.writeString(file, "feeds: [https://x.example/rss]\nsettings:\n  fetch.timout: 5s\n");
        assertThatThrownBy(() -> Sources.read(file)).hasMessageStartingWith(file + ": unknown setting 'fetch.timout'; known settings: watch.every, ");
        Files.writeString(file, "feeds: [https://x.example/rss]\nsettings:\n  fetch.timeout: soon\n");
        assertThatThrownBy(() -> Sources.read(file))
                .hasMessage(file + ": fetch.timeout must be a duration such as 250ms, 90s, 15m or 1h, got 'soon'");
        Files.writeString(file, "feeds: [https://x.example/rss]\nsettings:\n  alerts.balance.shift: 3\n");
        assertThatThrownBy(() -> Sources.read(file)).hasMessage(file + ": alerts.balance.shift must be a number from 0 to 2.0, got '3'");
    }

    @Test
    void watchWithNothingToWatchOrABadSourcesFileIsAUsageError() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run("watch", "--once", "--db", dir.resolve("x.duckdb").toString())).isEqualTo(Main.USAGE);
            assertThat(Main.run("watch", "--once", "--feed", "https://x.example/rss", "--every", "1s")).isEqualTo(Main.USAGE);
            assertThat(Main.run("watch", "--once", "--feed", "https://x.example/rss", "--progress", "sometimes")).isEqualTo(Main.USAGE);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "vigil watch: nothing to watch: give --sources FILE or --feed URL (see examples/sources.yaml)",
                "vigil watch: setting watch.every: watch.every must be at least 10s, got '1s'",
                "vigil watch: --progress must be auto, always or never, got 'sometimes'");
        assertThat(dir.resolve("x.duckdb")).doesNotExist();
    }

    static Path repo() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
    }

    @Test
    void theShippedExampleReadsAsSomeFortyHttpsFeedsAndASitemap() {
        Sources s = Sources.read(repo().resolve("examples/sources.yaml"));
        assertThat(s.feeds()).hasSizeGreaterThanOrEqualTo(36).allMatch(u -> u.startsWith("https://")).doesNotHaveDuplicates();
        assertThat(s.sitemaps()).hasSize(1);
        assertThat(s.settings().every()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void docsWatchListsEverySettingWithItsDefault() throws Exception {
        String doc = Files.readString(repo().resolve("docs/watch.md"));
        for (WatchSettings.Key k : WatchSettings.KEYS) {
            assertThat(doc).as(k.name()).contains("| `" + k.name() + "` | `" + k.defaultValue() + "` | " + k.description() + " |");
        }
    }
}
