package org.vigil.app.watch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What one poll did, counted; printed as one line plus one line per failure. */
public final class PollSummary {
    int feeds;
    int feedsRead;
    int feedsUnchanged;
    int feedsFailed;
    int feedsDeferred;
    int retries;
    int pagesNew;
    int pagesChanged;
    int pagesUnchanged;
    int pagesFailed;
    int pagesRefused;
    int pagesLeft;
    int filesRead;
    int postFolders;
    int articles;
    int alerts;
    int deliveriesFailed;
    boolean stopped;
    double openSeconds;
    double fetchSeconds;
    double storeSeconds;
    double seconds;
    final List<String> failures = new ArrayList<>();

    public int feedsFailed() {
        return feedsFailed;
    }

    public int feedsRead() {
        return feedsRead;
    }

    public int feedsUnchanged() {
        return feedsUnchanged;
    }

    public int retries() {
        return retries;
    }

    /** Pages whose text was new: first seen, or changed since. */
    public int pagesNew() {
        return pagesNew;
    }

    public int pagesChanged() {
        return pagesChanged;
    }

    public int pagesFailed() {
        return pagesFailed;
    }

    public int pagesRefused() {
        return pagesRefused;
    }

    public int articles() {
        return articles;
    }

    public int alerts() {
        return alerts;
    }

    public int deliveriesFailed() {
        return deliveriesFailed;
    }

    public boolean stopped() {
        return stopped;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Whether something could not be read or delivered (exit code 1 for {@code --once}). */
    public boolean anyFailed() {
        return feedsFailed > 0 || pagesFailed > 0 || deliveriesFailed > 0;
    }

    String line() {
        return String.format(Locale.ROOT, "%d feed(s): %d read, %d unchanged, %d failed, %d waiting after failures; "
                        + "%d retried fetch(es); pages: %d new, %d changed, %d unchanged, %d failed, %d refused by robots.txt, %d left for the next poll; "
                        + "%d file(s) read, %d post folder(s) run; %d article(s) stored; %d new alert(s)%s%s; "
                        + "%.1f s (open store %.1f s, fetch %.1f s, extract and store %.1f s)",
                feeds, feedsRead, feedsUnchanged, feedsFailed, feedsDeferred, retries, pagesNew, pagesChanged, pagesUnchanged,
                pagesFailed, pagesRefused, pagesLeft, filesRead, postFolders, articles, alerts,
                deliveriesFailed > 0 ? ", " + deliveriesFailed + " not delivered" : "", stopped ? "; stopped early on request" : "",
                seconds, openSeconds, fetchSeconds, storeSeconds);
    }

    void print(PrintStream err, int poll) {
        err.println("vigil watch: poll " + poll + ": " + line());
        failures.forEach(f -> err.println("vigil watch: " + f));
    }
}
