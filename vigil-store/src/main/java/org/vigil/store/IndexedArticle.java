package org.vigil.store;

import java.util.List;

/** What the full-text index holds for one article: its text and its evidence sentences. */
record IndexedArticle(String id, String title, String text, List<Sentence> evidence) {
    record Sentence(long id, String text) {
    }
}
