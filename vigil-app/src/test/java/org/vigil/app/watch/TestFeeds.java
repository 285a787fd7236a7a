package org.vigil.app.watch;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Feeds and article pages written for the watch tests (our own sentences, not corpus text): each
 * article says one thing the extractor finds, so the alerts it implies are known.
 */
final class TestFeeds {
    private TestFeeds() {
    }

    /** One RSS item: a path on the test server, a title and the day of the month it was published. */
    record Item(String path, String title, int day) {
    }

    static String rss(String base, List<Item> items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Test wire</title><link>" + base + "/</link><description>test</description>\n");
        for (Item i : items) {
            String date = ZonedDateTime.of(2024, 10, i.day(), 12, 0, 0, 0, ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
            b.append("<item><title>").append(i.title()).append("</title><link>").append(base).append(i.path())
                    .append("</link><guid>").append(base).append(i.path()).append("</guid><pubDate>").append(date)
                    .append("</pubDate></item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    static String sitemap(String base, List<String> paths) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String p : paths) {
            b.append("<url><loc>").append(base).append(p).append("</loc><lastmod>2024-10-05</lastmod></url>\n");
        }
        return b.append("</urlset>\n").toString();
    }

    static String page(String title, String... paragraphs) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>").append(title)
                .append("</title></head><body><nav>Home | World | Politics</nav><article><h1>").append(title).append("</h1>\n");
        for (String p : paragraphs) {
            b.append("<p>").append(p).append("</p>\n");
        }
        return b.append("</article><footer>Copyright Test Wire</footer></body></html>\n").toString();
    }

    static final String RUSSIA = page("Officials warn of Moscow election push",
            "WASHINGTON — American intelligence officials said on Tuesday that Russia is trying to help Donald Trump win the "
                    + "presidential election by spreading fabricated videos on social media.",
            "The officials said the Kremlin wants to weaken support for Ukraine and sees Mr. Trump as more open to its demands. "
                    + "They spoke on condition of anonymity to describe the assessment.",
            "A spokesman for the Russian embassy rejected the findings in a statement.");

    static final String RUSSIA_UPDATED = page("Officials warn of Moscow election push",
            "WASHINGTON — American intelligence officials said on Tuesday that Russia is trying to help Donald Trump win the "
                    + "presidential election by spreading fabricated videos on social media.",
            "The officials said the Kremlin wants to weaken support for Ukraine and sees Mr. Trump as more open to its demands. "
                    + "They spoke on condition of anonymity to describe the assessment.",
            "Updated on Wednesday: the officials added that the videos had been viewed millions of times before platforms removed them.",
            "A spokesman for the Russian embassy rejected the findings in a statement.");

    static final String IRAN = page("Campaign emails stolen, investigators say",
            "WASHINGTON — Federal investigators said on Friday that Iranian hackers broke into the email accounts of a senior "
                    + "campaign adviser and leaked internal documents to reporters.",
            "The FBI said Iran prefers that Kamala Harris win the election and is working to damage the Trump campaign.",
            "Iran's mission to the United Nations denied any involvement.");

    static final String CHINA = page("Beijing's online network targets voters",
            "SAN FRANCISCO — Researchers at a technology company said a network of fake accounts linked to China posted divisive "
                    + "messages about American politics ahead of the vote.",
            "The researchers said the Chinese operation did not favor either candidate and mostly sought to deepen distrust in "
                    + "democratic institutions.",
            "The Chinese embassy said the accusations were groundless.");

    static final String COUNCIL = "The city council met on Tuesday evening to discuss road repairs and the budget for next year.\n\n"
            + "Members agreed to fund new lights on the main bridge and to review bus routes in the spring.\n";
}
