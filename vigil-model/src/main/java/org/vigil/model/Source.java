package org.vigil.model;

import java.time.LocalDate;

/** One place an article was seen: a URL and/or the file it was read from. */
public record Source(String url, String title, LocalDate published, String origin) {
}
