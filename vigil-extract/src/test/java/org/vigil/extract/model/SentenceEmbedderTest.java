package org.vigil.extract.model;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SentenceEmbedderTest {
    private static final String[] TEXTS = {
            "The foreign government is said to favour the candidate in the coming vote.",
            "Officials of another country denied any role in the leak.",
            "a",
    };

    @Test
    void givesTheVectorsOfTheStockModelAtUnitLength() {
        // The shipped extraction model was trained on these vectors: a session configured here must
        // not change them (threads change the order of sums at most, not the result).
        SentenceEmbedder ours = SentenceEmbedder.shared();
        AllMiniLmL6V2QuantizedEmbeddingModel stock = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String t : TEXTS) {
            float[] a = ours.embed(t);
            float[] b = stock.embed(t).content().vector();
            assertThat(a).hasSize(SentenceEmbedder.DIMENSIONS);
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
                norm += a[i] * a[i];
            }
            assertThat(norm).isCloseTo(1.0, within(1e-4));
            assertThat(dot).as("cosine with the stock model for '%s'", t).isGreaterThan(0.9999);
        }
    }

    @Test
    void isDeterministicAndSeparatesDifferentSentences() {
        SentenceEmbedder e = SentenceEmbedder.shared();
        assertThat(e.embed(TEXTS[0])).containsExactly(e.embed(TEXTS[0]));
        float[] a = e.embed(TEXTS[0]);
        float[] b = e.embed(TEXTS[1]);
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        assertThat(dot).isLessThan(0.95);
    }
}
