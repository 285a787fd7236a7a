package org.vigil.extract.model;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;


/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised, 384 dimensions), run in-process on ONNX
 * Runtime from the model inside its Maven artifact: nothing is downloaded. Vectors are unit length.
 * Thread-safe; load once per JVM (about half a second).
 */
public final class SentenceEmbedder {
    public static final int DIMENSIONS = 384;
    private static volatile SentenceEmbedder shared;

    private final EmbeddingModel model;

    private SentenceEmbedder() {
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The JVM's one embedder, loaded on first use. */
    public static SentenceEmbedder shared() {
        SentenceEmbedder s = shared;
        if (s == null) {
            synchronized (SentenceEmbedder.class) {
                s = shared;
                if (s == null) {
                    s = new SentenceEmbedder();
                    shared = s;
                }
            }
        }
        return s;
    }

    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }
}
