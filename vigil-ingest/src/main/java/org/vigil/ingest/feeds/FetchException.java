package org.vigil.ingest.feeds;

/**
 * A fetch that did not give a usable answer: the message names the URL and what went wrong
 * (HTTP status, timeout, size cap, redirects, DNS), one line, ready to log.
 */
public class FetchException extends Exception {
    private final String url;

    public FetchException(String url, String reason) {
        super(url + ": " + reason);
        this.url = url;
    }

    public FetchException(String url, String reason, Throwable cause) {
        super(url + ": " + reason, cause);
        this.url = url;
    }

    public String url() {
        return url;
    }
}
