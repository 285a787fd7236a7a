package org.vigil.app.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a watch polls and where its alerts go, as read from a sources file:
 *
 * <pre>
 * feeds:                      # RSS or Atom; an entry is a URL or {url, name}
 *   - https://example.org/world/rss.xml
 * sitemaps: [https://example.org/news-sitemap.xml]
 * folders: [incoming/news]    # local folders of news files (HTML, text, JSONL)
 * posts: [incoming/posts]     # folders that receive post exports, for the coordination engine
 * webhooks: [https://hooks.example.org/vigil]
 * settings:                   # dotted keys, see WatchSettings
 *   alerts.balance.shift: 0.3
 * </pre>
 *
 * Relative folders are read from the sources file's folder.
 */
public record Sources(List<String> feeds, List<String> sitemaps, List<Path> folders, List<Path> posts,
                      List<String> webhooks, WatchSettings settings) {
    private static final Set<String> TOP = Set.of("feeds", "sitemaps", "folders", "posts", "webhooks", "settings");

    public Sources {
        feeds = List.copyOf(feeds);
        sitemaps = List.copyOf(sitemaps);
        folders = List.copyOf(folders);
        posts = List.copyOf(posts);
        webhooks = List.copyOf(webhooks);
    }

    public boolean isEmpty() {
        return feeds.isEmpty() && sitemaps.isEmpty() && folders.isEmpty() && posts.isEmpty();
    }

    /** The same sources with more feeds and webhooks (from the command line). */
    public Sources plus(List<String> moreFeeds, List<String> moreWebhooks) {
        List<String> f = new ArrayList<>(feeds);
        moreFeeds.stream().filter(u -> !f.contains(u)).forEach(f::add);
        List<String> w = new ArrayList<>(webhooks);
        w.addAll(moreWebhooks);
        return new Sources(f, sitemaps, folders, posts, w, settings);
    }

    public Sources withSettings(WatchSettings s) {
        return new Sources(feeds, sitemaps, folders, posts, webhooks, s);
    }

    public static Sources none() {
        return new Sources(List.of(), List.of(), List.of(), List.of(), List.of(), WatchSettings.defaults());
    }

    /**
     * Reads a sources file.
     *
     * @throws IllegalArgumentException with a one-line message naming the file and the bad entry
     */
    public static Sources read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(file + ": cannot read the sources file (" + m + "); check that it exists and is YAML");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException(file + ": the sources file is empty; list feeds:, sitemaps:, folders: or posts:");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(file + ": the sources file must be a mapping with feeds:, sitemaps:, folders:, posts:, webhooks:, settings:");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!TOP.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown section '" + k + "'; use feeds, sitemaps, folders, posts, webhooks or settings");
            }
        }
        Path base = file.toAbsolutePath().getParent();
        List<String> feeds = urls(file, root, "feeds");
        List<String> sitemaps = urls(file, root, "sitemaps");
        List<Path> folders = urls(file, root, "folders").stream().map(base::resolve).toList();
        List<Path> posts = urls(file, root, "posts").stream().map(base::resolve).toList();
        List<String> webhooks = urls(file, root, "webhooks");
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode s = root.get("settings");
        if (s != null && !s.isNull()) {
            if (!s.isObject()) {
                throw new IllegalArgumentException(file + ": settings: must be a mapping of dotted keys to values, e.g. alerts.balance.shift: 0.3");
            }
            s.fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
        }
        return new Sources(feeds, sitemaps, folders, posts, webhooks, WatchSettings.of(settings, file.toString()));
    }

    private static List<String> urls(Path file, JsonNode root, String section) {
        JsonNode list = root.get(section);
        List<String> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(file + ": " + section + ": must be a list (one '- ' entry a line)");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String v = e.isTextual() ? e.asText() : e.isObject() && e.has("url") ? e.get("url").asText()
                    : e.isObject() && e.has("path") ? e.get("path").asText() : null;
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException(file + ": " + section + " entry " + (i + 1)
                        + " is neither text nor a mapping with url: (or path:); write e.g. '- https://example.org/rss.xml'");
            }
            out.add(v.trim());
        }
        return out;
    }
}
