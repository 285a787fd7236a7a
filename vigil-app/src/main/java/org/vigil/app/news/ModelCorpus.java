package org.vigil.app.news;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.model.Candidates;
import org.vigil.extract.model.Gold;
import org.vigil.extract.model.ModelTrainer;
import org.vigil.extract.model.SentenceEmbedder;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Article;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Annotated corpora (folders of articles with a {@code gold.jsonl}) read, analysed and turned into
 * labelled candidates: what {@code train} and {@code eval --cv} share. Analysis runs the rules
 * without a model, so the model's features never depend on an earlier model.
 */
final class ModelCorpus {
    private final NewsExtractor extractor = new NewsExtractor(new CoreNlpAnalyzer(), Gazetteer.standard(), null);
    private final Candidates candidates = new Candidates(SentenceEmbedder.shared());

    NewsExtractor extractor() {
        return extractor;
    }

    /** Every article of the corpora that its gold file annotates, analysed; articles without gold are named and left out. */
    List<ModelTrainer.Labelled> read(List<Path> corpora, List<Path> goldFiles, PrintStream err) {
        Map<String, Gold> gold = Gold.read(goldFiles);
        List<Article> articles = new ArrayList<>();
        for (Path dir : corpora) {
            List<Problem> problems = new ArrayList<>();
            NewsBatch batch = new NewsIngest().read(dir, problems::add);
            for (Problem p : problems) {
                if (!isGoldFile(p.origin(), goldFiles)) { // a corpus folder holds its gold file: not an article, and no news
                    err.println("vigil: " + p.origin() + ": " + p.reason());
                }
            }
            for (Article a : batch.articles()) {
                if (gold.containsKey(a.doc())) {
                    articles.add(a);
                } else if (!a.doc().endsWith(".jsonl") && !a.doc().endsWith(".md")) {
                    err.println("vigil: " + a.doc() + " in " + dir + " has no gold line; left out of training and scoring");
                }
            }
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), articles.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ModelTrainer.Labelled>> futures = new ArrayList<>();
            for (Article a : articles) {
                futures.add(pool.submit(() -> {
                    var analysis = extractor.analyse(a);
                    return new ModelTrainer.Labelled(analysis, candidates.of(analysis), gold.get(a.doc()));
                }));
            }
            List<ModelTrainer.Labelled> out = new ArrayList<>();
            for (Future<ModelTrainer.Labelled> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VigilException("interrupted while analysing the corpus", e);
        } catch (ExecutionException e) {
            throw new VigilException("analysing the corpus failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean isGoldFile(String origin, List<Path> goldFiles) {
        try {
            Path o = Path.of(origin).toAbsolutePath().normalize();
            return goldFiles.stream().anyMatch(g -> g.toAbsolutePath().normalize().equals(o));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** What a model was trained on: each corpus folder with its article and item counts and its gold file's SHA-256. */
    static ObjectNode about(List<Path> corpora, List<Path> goldFiles, List<ModelTrainer.Labelled> train, ModelTrainer.Settings settings) {
        ObjectNode about = new ObjectMapper().createObjectNode();
        about.put("trained_by", "vigil train");
        about.put("trained_on_articles", train.size());
        about.put("claims_in_gold", train.stream().mapToLong(l -> l.gold().claims().size()).sum());
        about.put("incidents_in_gold", train.stream().mapToLong(l -> l.gold().incidents().size()).sum());
        ArrayNode cs = about.putArray("corpora");
        for (Path c : corpora) {
            cs.add(c.getFileName() == null ? c.toString() : c.getFileName().toString());
        }
        ArrayNode gs = about.putArray("gold_files");
        for (Path g : goldFiles) {
            ObjectNode o = gs.addObject();
            o.put("file", g.getParent() == null || g.getParent().getFileName() == null ? g.getFileName().toString()
                    : g.getParent().getFileName() + "/" + g.getFileName());
            o.put("sha256", sha256(g));
        }
        ObjectNode s = about.putObject("settings");
        s.put("l2", settings.l2());
        s.put("l2_embedding", settings.l2Embedding());
        s.put("iterations", settings.iterations());
        s.put("inner_folds", settings.innerFolds());
        s.put("seed", settings.seed());
        return about;
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(in.readAllBytes());
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new VigilException("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }

    /** The gold files of the corpora: each folder's {@code gold.jsonl}. */
    static List<Path> goldFiles(List<Path> corpora) {
        List<Path> out = new ArrayList<>();
        for (Path c : corpora) {
            Path g = c.resolve("gold.jsonl");
            if (!Files.isRegularFile(g)) {
                throw new VigilException(c + " has no gold.jsonl; a training corpus is a folder of articles with their gold.jsonl (ANNOTATION.md)");
            }
            out.add(g);
        }
        return out;
    }
}
