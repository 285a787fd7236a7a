package org.vigil.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Claim;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.model.Technique;

/** Hand-built articles for store tests: every claim's evidence is a real sentence of the text. */
final class Fixtures {
    private Fixtures() {
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    static Source web(String url, String published) {
        return new Source(url, null, published == null ? null : day(published), "scrape.jsonl");
    }

    static Source file(String origin) {
        return new Source(null, null, null, origin);
    }

    /** Builds an article from sentences, so evidence offsets can be computed rather than typed. */
    static final class ArticleBuilder {
        private final String id;
        private final String doc;
        private String title;
        private LocalDate published;
        private final List<String> sentences = new ArrayList<>();
        private final List<Source> sources = new ArrayList<>();
        private final List<Claim> claims = new ArrayList<>();
        private final List<Incident> incidents = new ArrayList<>();

        ArticleBuilder(String id, String doc) {
            this.id = id;
            this.doc = doc;
        }

        ArticleBuilder title(String t) {
            title = t;
            return this;
        }

        ArticleBuilder published(String iso) {
            published = iso == null ? null : day(iso);
            return this;
        }

        ArticleBuilder source(Source s) {
            sources.add(s);
            return this;
        }

        ArticleBuilder sentence(String s) {
            sentences.add(s);
            return this;
        }

        String text() {
            return String.join(" ", sentences);
        }

        Evidence evidence(String sentence) {
            String text = text();
            int start = text.indexOf(sentence);
            if (start < 0) {
                throw new IllegalArgumentException("not a sentence of the article: " + sentence);
            }
            return new Evidence(sentence, start, start + sentence.length());
        }

        ArticleBuilder claim(String holder, String target, Stance stance, boolean hedged, boolean disputed, String sentence) {
            sentence(sentence);
            claims.add(new Claim(holder, target, stance, hedged, disputed, Basis.ASSESSMENT, holder + " actor", evidence(sentence)));
            return this;
        }

        ArticleBuilder incident(String actor, Technique technique, IncidentStatus status, Integer year, String sentence) {
            sentence(sentence);
            incidents.add(new Incident(actor, technique, IncidentTarget.CAMPAIGN, status, year, "T0000." + technique.ordinal(),
                    evidence(sentence)));
            return this;
        }

        Article article() {
            return new Article(id, doc, sources.isEmpty() ? null : sources.get(0).url(), title, published, "en", text(), sources);
        }

        Extraction build() {
            return new Extraction(article(), claims, incidents);
        }
    }

    static ArticleBuilder article(String id, String doc) {
        return new ArticleBuilder(id, doc);
    }
}
