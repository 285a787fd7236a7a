package org.vigil.extract;

import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.model.Article;
import org.vigil.model.Claim;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;

import java.time.LocalDate;
import java.util.List;

/** One extractor for all rule tests (CoreNLP loads once per JVM), and short views of what it found. */
final class ExtractorFixture {
    static final CoreNlpAnalyzer EXTRACTOR_ANALYZER = new CoreNlpAnalyzer();
    /** Rules only (no model), so these tests pin down what the rules themselves find. */
    static final NewsExtractor EXTRACTOR = new NewsExtractor(EXTRACTOR_ANALYZER, Gazetteer.standard(), null);

    private ExtractorFixture() {
    }

    static Extraction extract(String text) {
        return extract(text, LocalDate.of(2024, 9, 1));
    }

    static Extraction extract(String text, LocalDate published) {
        return EXTRACTOR.extract(new Article("test", "test.txt", null, null, published, "en", text, List.of()));
    }

    static List<String> claims(String text) {
        return extract(text).claims().stream().map(ExtractorFixture::key).toList();
    }

    static String key(Claim c) {
        return c.holder() + " " + c.target() + " " + c.stance().wire();
    }

    static List<String> incidents(String text) {
        return extract(text).incidents().stream().map(ExtractorFixture::key).toList();
    }

    static String key(Incident i) {
        return i.actor() + " " + i.technique().wire();
    }
}
