package org.vigil.ingest.news;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an HTML page: its metadata (title, canonical URL, publication date, declared language)
 * and its main text as one line per block, ready for {@link BoilerplateFilter}. Readability
 * picks the article out of the page; when it finds nothing worth having, the whole body is used
 * with its navigation, asides and footers cut away.
 */
final class HtmlText {

    /** What the page yielded. {@code method} says which extraction produced the lines. */
    record Page(String title, String url, LocalDate published, String declaredLanguage,
                List<String> lines, String method) {
    }

    /** Fewer words than this from Readability means it missed the article. */
    private static final int MIN_READABILITY_WORDS = 50;
    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4",
            "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table",
            "tr", "th", "td", "hr", "br", "address", "details", "summary", "fieldset", "caption", "center", "title",
            "legend", "tbody", "thead", "tfoot");
    private static final String CHROME = "script, style, noscript, template, svg, iframe, nav, aside, footer, "
            + "button, select, [role=navigation], [role=contentinfo], [aria-hidden=true], [hidden]";
    private static final Pattern JSON_LD_DATE = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{6,40})\"");
    private static final String[] DATE_METAS = {
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[property=og:published_time]", "meta[name=pubdate]",
            "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=parsely-pub-date]",
            "meta[name=sailthru.date]", "meta[name=dc.date]", "meta[name=dc.date.issued]",
            "meta[name=DC.date.issued]", "meta[name=dcterms.created]", "meta[name=date]"};

    private HtmlText() {
    }

    /** Thrown when a page overruns its time budget; the message says at which step. */
    static final class OverBudget extends RuntimeException {
        OverBudget(String step) {
            super(step, null, false, false);
        }
    }

    static Page extract(String html, String baseUri) {
        return extract(html, baseUri, Long.MAX_VALUE);
    }

    /** @param deadline {@link System#nanoTime()} by which the page must be read, else {@link OverBudget} */
    static Page extract(String html, String baseUri, long deadline) {
        long started = System.nanoTime();
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri);
        check(deadline, "parsing");
        String title = firstNonBlank(
                attr(doc, "meta[property=og:title]", "content"),
                attr(doc, "meta[name=twitter:title]", "content"),
                doc.title(),
                text(doc, "h1"));
        String url = firstNonBlank(
                attr(doc, "link[rel=canonical]", "abs:href"),
                attr(doc, "meta[property=og:url]", "content"));
        LocalDate published = published(doc);
        String language = firstNonBlank(attr(doc, "html[lang]", "lang"), attr(doc, "meta[http-equiv=content-language]", "content"));

        check(deadline, "reading the metadata");
        List<String> lines = null;
        String method = "readability";
        boolean halfGone = deadline != Long.MAX_VALUE && System.nanoTime() - started > (deadline - started) / 2;
        try {
            if (halfGone) {
                throw new OverBudget("readability");
            }
            Article article = new Readability4JExtended(url == null ? "" : url, doc).parse();
            Element content = article.getArticleContent();
            if (content != null) {
                lines = blockLines(content, deadline);
                if (title == null) {
                    title = blankToNull(article.getTitle());
                }
            }
        } catch (OverBudget e) {
            lines = null; // too slow a page for Readability: the body is read instead
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // Readability is a heuristic over arbitrary markup; a page it chokes on still has a body.
            lines = null;
        }
        if (lines == null || wordCount(lines) < MIN_READABILITY_WORDS) {
            Document fresh = Jsoup.parse(html, baseUri == null ? "" : baseUri);
            fresh.select(CHROME).remove();
            check(deadline, "parsing again");
            List<String> bodyLines = blockLines(fresh.body(), deadline);
            if (lines == null || wordCount(bodyLines) > wordCount(lines)) {
                lines = bodyLines;
                method = "page body";
            }
        }
        return new Page(blankToNull(title), blankToNull(url), published, blankToNull(language), lines, method);
    }

    private static LocalDate published(Document doc) {
        for (String selector : DATE_METAS) {
            LocalDate d = PublishedDates.parse(attr(doc, selector, "content"));
            if (d != null) {
                return d;
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Matcher m = JSON_LD_DATE.matcher(script.data());
            if (m.find()) {
                LocalDate d = PublishedDates.parse(m.group(1));
                if (d != null) {
                    return d;
                }
            }
        }
        Element time = doc.selectFirst("time[pubdate][datetime], article time[datetime], time[datetime]");
        return time == null ? null : PublishedDates.parse(time.attr("datetime"));
    }

    private static void check(long deadline, String step) {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            throw new OverBudget(step);
        }
    }

    /** The element's text, one line per block element, whitespace inside a block collapsed. */
    static List<String> blockLines(Element root) {
        return blockLines(root, Long.MAX_VALUE);
    }

    private static List<String> blockLines(Element root, long deadline) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int[] visited = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if ((++visited[0] & 0x3ff) == 0) {
                    check(deadline, "collecting the text");
                }
                if (node instanceof TextNode t) {
                    String s = t.getWholeText();
                    if (!s.isEmpty()) {
                        appendCollapsed(current, s);
                    }
                } else if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                    flush(current, lines);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCK_TAGS.contains(e.normalName())) {
                    flush(current, lines);
                }
            }
        }, root);
        flush(current, lines);
        return lines;
    }

    private static void appendCollapsed(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
            }
        }
    }

    private static void flush(StringBuilder current, List<String> lines) {
        String line = current.toString().strip();
        if (!line.isEmpty()) {
            lines.add(line);
        }
        current.setLength(0);
    }

    private static int wordCount(List<String> lines) {
        int n = 0;
        for (String l : lines) {
            n += BoilerplateFilter.words(l);
        }
        return n;
    }

    private static String attr(Document doc, String selector, String attribute) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : blankToNull(e.attr(attribute));
    }

    private static String text(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        return e == null ? null : blankToNull(e.text());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
