package org.vigil.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A news article after ingest: cleaned text plus metadata. {@code doc} is the name the article
 * is known by in outputs (the file name for files, the URL or record number for JSONL).
 * {@code id} is a content hash, so the same text read twice gets the same id.
 */
public record Article(String id, String doc, String url, String title, LocalDate published,
                      String language, String text, List<Source> sources) {
    public Article {
        Objects.requireNonNull(id, "The parameter 'id' must not be null.");
        Objects.requireNonNull(doc, "The parameter 'doc' must not be null.");
        Objects.requireNonNull(text, "The parameter 'text' must not be null.");
        sources = List.copyOf(sources);
    }
}
