package org.vigil.ingest.feeds;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a fetched feed or sitemap into the article links it lists. RSS 0.9x–2.0 and Atom are read
 * by Rome, sitemaps (and sitemap indexes) by crawler-commons; neither resolves external entities
 * or document types. A link is made absolute against the document's URL, fragments are dropped,
 * and a link listed twice is kept once.
 */
public final class FeedReader {
    private FeedReader() {
    }

    /** What a sitemap lists: article links, and for a sitemap index the child sitemaps to read next. */
    public record Listing(List<FeedItem> items, List<String> childSitemaps) {
        public Listing {
            items = List.copyOf(items);
            childSitemaps = List.copyOf(childSitemaps);
        }
    }

    /** The items of an RSS or Atom document fetched from {@code url}. */
    public static List<FeedItem> feed(String url, byte[] body) throws FetchException {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FetchException(url, "not a readable RSS or Atom feed (" + firstLine(e) + "); check that the URL is the feed, not a page");
        }
        Map<String, FeedItem> items = new LinkedHashMap<>();
        for (SyndEntry e : feed.getEntries()) {
            String link = link(e);
            if (link == null) {
                continue;
            }
            String absolute = absolute(url, link);
            if (absolute != null) {
                items.putIfAbsent(absolute, new FeedItem(absolute, clean(e.getTitle()), instant(e.getPublishedDate()),
                        instant(e.getUpdatedDate())));
            }
        }
        return List.copyOf(items.values());
    }

    /** The article links of a sitemap (or the child sitemaps of a sitemap index) fetched from {@code url}. */
    public static Listing sitemap(String url, byte[] body, String contentType) throws FetchException {
        AbstractSiteMap map;
        try {
            SiteMapParser parser = new SiteMapParser(false);
            map = parser.parseSiteMap(contentType == null ? "text/xml" : contentType, body, new URL(url));
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            throw new FetchException(url, "not a readable sitemap (" + firstLine(e) + "); check that the URL is the sitemap");
        }
        List<FeedItem> items = new ArrayList<>();
        List<String> children = new ArrayList<>();
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                children.add(child.getUrl().toString());
            }
        } else if (map instanceof SiteMap sm) {
            for (SiteMapURL u : sm.getSiteMapUrls()) {
                String absolute = absolute(url, u.getUrl().toString());
                if (absolute != null) {
                    items.add(new FeedItem(absolute, null, null, instant(u.getLastModified())));
                }
            }
        }
        return new Listing(items, children);
    }

    private static String link(SyndEntry e) {
        if (e.getLink() != null && !e.getLink().isBlank()) {
            return e.getLink().trim();
        }
        for (SyndLink l : e.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref().trim();
            }
        }
        return null;
    }

    /** The link made absolute, without its fragment; null when it is not an http(s) URL. */
    static String absolute(String base, String link) {
        try {
            URI u = URI.create(base).resolve(link.trim());
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
                return null;
            }
            return new URI(u.getScheme(), u.getRawAuthority() == null ? null : u.getAuthority(), u.getPath(), u.getQuery(), null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return null;
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String first = m.lines().findFirst().orElse("").strip();
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }
}
