package org.vigil.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void rssItemsBecomeAbsoluteLinksWithoutFragmentsListedOnce() throws Exception {
        String rss = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>t</title><link>https://wire.example/</link><description>d</description>
                <item><title> First </title><link>/world/one#comments</link><pubDate>Tue, 01 Oct 2024 12:00:00 GMT</pubDate></item>
                <item><title>Again</title><link>https://wire.example/world/one</link></item>
                <item><title>Mail</title><link>mailto:desk@wire.example</link></item>
                <item><title>Two</title><link>https://wire.example/world/two?id=2</link></item>
                </channel></rss>""";
        List<FeedItem> items = FeedReader.feed("https://wire.example/rss.xml", bytes(rss));
        assertThat(items).extracting(FeedItem::url)
                .containsExactly("https://wire.example/world/one", "https://wire.example/world/two?id=2");
        assertThat(items.get(0).title()).isEqualTo("First");
        assertThat(items.get(0).published()).isEqualTo(Instant.parse("2024-10-01T12:00:00Z"));
        assertThat(items.get(1).changedAt()).isNull();
    }

    @Test
    void atomEntriesGiveTheirAlternateLinkAndUpdatedDate() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Threat reports</title><id>urn:x</id><updated>2024-10-02T00:00:00Z</updated>
                <entry><title>Quarterly report</title><id>urn:1</id>
                <link rel="alternate" href="https://lab.example/reports/q3"/>
                <published>2024-10-01T08:00:00Z</published><updated>2024-10-02T09:30:00Z</updated></entry>
                </feed>""";
        List<FeedItem> items = FeedReader.feed("https://lab.example/atom", bytes(atom));
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.url()).isEqualTo("https://lab.example/reports/q3");
            assertThat(i.changedAt()).isEqualTo(Instant.parse("2024-10-02T09:30:00Z"));
        });
    }

    @Test
    void aMalformedFeedFailsNamingItsUrl() {
        assertThatThrownBy(() -> FeedReader.feed("https://wire.example/rss.xml", bytes("<rss><channel><item>")))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("https://wire.example/rss.xml: not a readable RSS or Atom feed (")
                .hasMessageEndingWith("); check that the URL is the feed, not a page");
    }

    @Test
    void aFeedWithADocumentTypeIsRefusedSoNoEntityIsExpanded() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&x;</title><link>https://e.example/</link><description>d</description></channel></rss>""";
        assertThatThrownBy(() -> FeedReader.feed("https://e.example/rss", bytes(xxe))).isInstanceOf(FetchException.class);
    }

    @Test
    void aSitemapListsItsPagesAndAnIndexItsSitemaps() throws Exception {
        String map = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>https://paper.example/2024/10/a</loc><lastmod>2024-10-05</lastmod></url>
                <url><loc>https://paper.example/2024/10/b</loc></url>
                </urlset>""";
        FeedReader.Listing l = FeedReader.sitemap("https://paper.example/sitemap.xml", bytes(map), "application/xml");
        assertThat(l.items()).extracting(FeedItem::url).containsExactly("https://paper.example/2024/10/a", "https://paper.example/2024/10/b");
        assertThat(l.items().get(0).changedAt()).isEqualTo(Instant.parse("2024-10-05T00:00:00Z"));
        assertThat(l.childSitemaps()).isEmpty();

        String index = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://paper.example/news-1.xml</loc></sitemap>
                </sitemapindex>""";
        FeedReader.Listing i = FeedReader.sitemap("https://paper.example/index.xml", bytes(index), "application/xml");
        assertThat(i.items()).isEmpty();
        assertThat(i.childSitemaps()).containsExactly("https://paper.example/news-1.xml");
    }
}
