package org.vigil.ingest.news;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vigil.model.Article;
import org.vigil.model.Source;

/**
 * Turns one decoded document (HTML or flattened text) into an {@link Article}: metadata out,
 * debris repaired, boilerplate filtered, language guessed, content hash taken. The same steps
 * serve files and JSONL records, so both come out alike.
 */
final class ArticleAssembler {

    /** Metadata known before the document is read (from a JSONL record); any field may be null. */
    record Hints(String url, String title, LocalDate published) {
        static final Hints NONE = new Hints(null, null, null);
    }

    /**
     * The article, or null with {@code note} saying why there is none. {@code note} otherwise
     * summarises what was done, for the outcome message.
     */
    record Assembled(Article article, String note) {
    }

    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(URL|TITLE|DATE|PUBLISHED|SOURCE|LANG|LANGUAGE)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_TOKEN = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\b\\s*");
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*<(!doctype\\s+html|html|head|body)[\\s>]");
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)<(p|div|span|a\\s+href|br|li|ul|h[1-6]|script|meta|link|table|article|section|img)[\\s>/]");
    /**
     * How long reading one HTML page may take. Parsing is not interruptible, so the budget is
     * checked between the steps and while the text is collected; Readability is left out once half
     * of it is gone. The depth limit keeps hostile pages far below it.
     */
    static final long TIME_BUDGET_NANOS = 20_000_000_000L;
    private static final int HEADER_LINES = 12;
    private static final int DATE_TOKEN_LINES = 15;
    private static final int DATELINE_LINES = 40;
    private static final int BYLINE_LINES = 300;
    private static final int BYLINE_PARAGRAPHS = 3;

    private ArticleAssembler() {
    }

    /** Whether the text is an HTML page rather than text that happens to hold a "<". */
    static boolean looksLikeHtml(String text) {
        String head = text.length() > 65_536 ? text.substring(0, 65_536) : text;
        if (HTML_START.matcher(head.length() > 4096 ? head.substring(0, 4096) : head).find()) {
            return true;
        }
        Matcher m = HTML_TAG.matcher(head);
        int tags = 0;
        while (m.find() && tags < 5) {
            tags++;
        }
        return tags >= 5;
    }

    static Assembled assemble(String content, boolean html, Hints hints, String doc, String origin) {
        String url = hints.url();
        String title = hints.title();
        LocalDate published = hints.published();
        String declaredLanguage = null;
        List<String> lines;
        String method;
        if (html) {
            int depth = HtmlDepth.of(content, HtmlDepth.DEFAULT_MAX);
            if (depth > HtmlDepth.DEFAULT_MAX) {
                return new Assembled(null, "HTML nests elements more than " + HtmlDepth.DEFAULT_MAX + " deep (news pages nest a few"
                        + " dozen); not parsed, since such a page takes minutes to read; check the file or convert it to text");
            }
            long deadline = System.nanoTime() + TIME_BUDGET_NANOS;
            HtmlText.Page page;
            try {
                page = HtmlText.extract(content, url, deadline);
            } catch (HtmlText.OverBudget e) {
                return new Assembled(null, "reading the HTML took more than " + TIME_BUDGET_NANOS / 1_000_000_000
                        + " s (the per-article budget), stopped at " + e.getMessage() + "; check the file or convert it to text");
            }
            url = firstNonNull(url, page.url());
            title = firstNonNull(title, page.title());
            published = firstNonNull(published, page.published());
            declaredLanguage = page.declaredLanguage();
            lines = page.lines();
            method = "HTML via " + page.method();
        } else {
            lines = new ArrayList<>(List.of(content.split("\n", -1)));
            int bodyStart = 0;
            for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
                String line = lines.get(i);
                Matcher m = HEADER.matcher(line);
                if (m.matches()) {
                    String key = m.group(1).toUpperCase(Locale.ROOT);
                    String value = m.group(2).strip();
                    switch (key) {
                        case "URL", "SOURCE" -> url = firstNonNull(url, blankToNull(value));
                        case "TITLE" -> title = firstNonNull(title, blankToNull(value));
                        case "DATE", "PUBLISHED" -> published = firstNonNull(published, PublishedDates.parse(value));
                        default -> declaredLanguage = blankToNull(value);
                    }
                    bodyStart = i + 1;
                } else if (!line.isBlank()) {
                    break;
                }
            }
            lines = HardWraps.unwrap(new ArrayList<>(lines.subList(bodyStart, lines.size())));
            method = "text";
        }

        LocalDate tokenDate = takeDateToken(lines);
        published = firstNonNull(published, tokenDate);

        DebrisRepair.Result repaired = DebrisRepair.repair(lines);
        lines = repaired.lines();

        if (published == null) {
            published = firstNonNull(datelineDate(lines), PublishedDates.fromUrl(url), bylineDate(lines));
        }
        if (title == null) {
            title = guessTitle(lines);
        }

        BoilerplateFilter.Result filtered = BoilerplateFilter.filter(lines);
        String text = filtered.text();
        StringBuilder note = new StringBuilder(method);
        note.append(", kept ").append(filtered.linesIn() - filtered.linesDropped())
                .append(" of ").append(filtered.linesIn()).append(" lines");
        for (Map.Entry<String, Integer> e : repaired.removed().entrySet()) {
            note.append(", removed ").append(e.getValue()).append(" injected '").append(e.getKey()).append("' tokens");
        }
        if (text.isBlank()) {
            return new Assembled(null, "no article text left after removing boilerplate from "
                    + filtered.linesIn() + " lines (" + method + "); check that it holds a news article");
        }
        if (!BoilerplateFilter.hasRunningText(filtered.blocks())) {
            return new Assembled(null, "no sentence left after removing boilerplate, only " + filtered.blocks().size()
                    + " short line(s) such as menus or labels (" + method + "); not stored as an article; check that it holds a news article");
        }
        String language = LanguageGuesser.guess(text);
        if (language == null && declaredLanguage != null) {
            language = primaryLanguage(declaredLanguage);
        }
        Source source = new Source(url, title, published, origin);
        Article article = new Article(sha256(text), doc, url, title, published, language, text, List.of(source));
        return new Assembled(article, note.toString());
    }

    /** Scrapers prefix the first text line with " date 2024-09-21 "; the date is metadata, not story. */
    private static LocalDate takeDateToken(List<String> lines) {
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < DATE_TOKEN_LINES; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            seen++;
            Matcher m = DATE_TOKEN.matcher(line);
            if (m.find()) {
                LocalDate d = PublishedDates.parse(m.group(1));
                lines.set(i, line.substring(m.end()));
                return d;
            }
        }
        return null;
    }

    private static LocalDate datelineDate(List<String> lines) {
        for (int i = 0; i < Math.min(lines.size(), DATELINE_LINES); i++) {
            LocalDate d = PublishedDates.fromDateline(BoilerplateFilter.tidy(lines.get(i)));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * A date in a short non-sentence line above the story's first paragraphs: a byline such as
     * "Jane Roe • May 2, 2024". Menus can push the byline far down, so the limit is counted in
     * story paragraphs, not lines; dates further down belong to the story.
     */
    private static LocalDate bylineDate(List<String> lines) {
        int paragraphs = 0;
        for (int i = 0; i < Math.min(lines.size(), BYLINE_LINES) && paragraphs < BYLINE_PARAGRAPHS; i++) {
            String line = BoilerplateFilter.tidy(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            if (BoilerplateFilter.classify(line) == BoilerplateFilter.Kind.CONTENT) {
                paragraphs++;
            } else if (BoilerplateFilter.words(line) <= 12) {
                LocalDate d = PublishedDates.fromBylineLike(line);
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Without metadata, the headline is usually the line a page repeats (title, heading, share
     * text) or else its first line of headline length.
     */
    private static String guessTitle(List<String> lines) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < Math.min(lines.size(), 200); i++) {
            String line = BoilerplateFilter.tidy(lines.get(i));
            int words = BoilerplateFilter.words(line);
            boolean headlineShaped = !BoilerplateFilter.endsSentence(line) || words <= 12;
            if (words >= 4 && words <= 30 && headlineShaped
                    && BoilerplateFilter.classify(line) != BoilerplateFilter.Kind.BOILERPLATE) {
                candidates.add(line);
                counts.merge(BoilerplateFilter.normalise(line), 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 1;
        for (String c : candidates) {
            int count = counts.get(BoilerplateFilter.normalise(c));
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        if (best != null) {
            return best;
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static String primaryLanguage(String tag) {
        String primary = tag.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        return primary.length() == 2 ? primary : null;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which the Java spec requires", e);
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
