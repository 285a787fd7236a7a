package org.vigil.app.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's files, read from the classpath once at start: the pages (assembled with the shared
 * head and header) and their scripts from {@code org/vigil/app/web/}, ECharts and Cytoscape from their jars. Only the files listed here are
 * served, so no request path ever reaches the class loader.
 */
final class StaticAssets {
    static final String WEB = "/org/vigil/app/web/";
    static final String ECHARTS = "/META-INF/resources/_static/echarts/5.6.0/dist/echarts.min.js";
    static final String CYTOSCAPE = "/META-INF/resources/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";

    /** A file to serve: its bytes and content type. */
    record Asset(byte[] bytes, String contentType) {
    }

    /** URL path of each page, and the HTML file behind it. */
    static final Map<String, String> PAGES = pages();
    private static final String[] SCRIPTS = {"common.js", "overview.js", "matrix.js", "evidence.js", "incidents.js", "search.js",
            "networks.js", "network.js", "account.js", "exchange.js", "alerts.js"};

    private final Map<String, Asset> byPath = new LinkedHashMap<>();
    private final Asset notFound;

    private static Map<String, String> pages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/", "index.html");
        m.put("/matrix", "matrix.html");
        m.put("/evidence", "evidence.html");
        m.put("/incidents", "incidents.html");
        m.put("/search", "search.html");
        m.put("/networks", "networks.html");
        m.put("/network", "network.html");
        m.put("/account", "account.html");
        m.put("/alerts", "alerts.html");
        return m;
    }

    StaticAssets() {
        String head = new String(read(WEB + "_head.html"), StandardCharsets.UTF_8);
        String header = new String(read(WEB + "_header.html"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> p : PAGES.entrySet()) {
            String page = assemble(new String(read(WEB + p.getValue()), StandardCharsets.UTF_8), head, header);
            byPath.put(p.getKey(), new Asset(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
        }
        notFound = new Asset(assemble(new String(read(WEB + "notfound.html"), StandardCharsets.UTF_8), head, header)
                .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        byPath.put("/assets/app.css", new Asset(read(WEB + "app.css"), "text/css; charset=utf-8"));
        for (String s : SCRIPTS) {
            byPath.put("/assets/" + s, new Asset(read(WEB + s), "text/javascript; charset=utf-8"));
        }
        byPath.put("/vendor/echarts.min.js", new Asset(read(ECHARTS), "text/javascript; charset=utf-8"));
        byPath.put("/vendor/cytoscape.min.js", new Asset(read(CYTOSCAPE), "text/javascript; charset=utf-8"));
    }

    private static final Pattern HEADER_MARK = Pattern.compile("<!-- vigil:header ?(/[a-z]*)? -->\n");

    /**
     * Puts the shared head lines and page header into a page (written once in {@code _head.html} and
     * {@code _header.html}); the page's marker names its section, whose link gets {@code aria-current}.
     */
    static String assemble(String page, String head, String header) {
        String out = page.replace("<!-- vigil:head -->\n", head);
        Matcher m = HEADER_MARK.matcher(out);
        if (!m.find()) {
            return out;
        }
        String section = m.group(1);
        String own = section == null ? header
                : header.replace("<a href=\"" + section + "\">", "<a href=\"" + section + "\" aria-current=\"page\">");
        return out.substring(0, m.start()) + own + out.substring(m.end());
    }

    Map<String, Asset> all() {
        return byPath;
    }

    /** The page a browser gets for an address that is no page (served with status 404, never at a path of its own). */
    Asset notFoundPage() {
        return notFound;
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard file " + resource + " is missing from the classpath; rebuild vigil-app");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the dashboard file " + resource, e);
        }
    }
}
