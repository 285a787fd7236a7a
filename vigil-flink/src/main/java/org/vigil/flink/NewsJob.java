package org.vigil.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;
import org.vigil.extract.GoldFormat;
import org.vigil.extract.NewsExtractor;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.nlp.CoreNlpAnalyzer;
import org.vigil.ingest.news.NewsBatch;
import org.vigil.ingest.news.NewsIngest;
import org.vigil.model.Article;
import org.vigil.model.Extraction;
import org.vigil.model.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * News at scale: {@code flink run -c org.vigil.flink.NewsJob vigil-flink-VERSION-job.jar --input DIR --output FILE
 * [--parallelism N]}. The client lists the files of {@code DIR} (recursively, in path order); each task slot of
 * the extraction operator reads the files it is handed with {@link NewsIngest} (the reader of {@code vigil extract})
 * and runs one {@link NewsExtractor} built in {@code open()} exactly as {@code vigil extract} builds it (CoreNLP and
 * the shipped model). {@code FILE} gets one line per article in the format {@code vigil extract --output} writes
 * ({@link GoldFormat}), and one {@code {"type":"problem","origin":...,"line":...,"reason":...}} line per file or
 * record that could not be read or extracted; a bad file never stops the job.
 */
public final class NewsJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the job reads and writes; {@code parallelism} 0 keeps the environment's default. */
    public record Options(Path input, Path output, int parallelism) {
        public Options {
            if (input == null || output == null) {
                throw new IllegalArgumentException("give --input DIR and --output FILE");
            }
            if (parallelism < 0) {
                throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
            }
        }
    }

    /**
     * One unit of work: a file to read, the name its article goes by in the output (its path below the input
     * folder, as {@code vigil extract} names it), or a problem the listing found. A Flink POJO.
     */
    public static final class NewsFile {
        public String path;
        public String doc;
        public String problem;

        public NewsFile() {
        }

        NewsFile(String path, String doc, String problem) {
            this.path = path;
            this.doc = doc;
            this.problem = problem;
        }
    }

    private NewsJob() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vigil news job: " + e.getMessage());
            System.err.println("usage: --input DIR --output FILE [--parallelism N]");
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, o);
        long t0 = System.nanoTime();
        env.execute("vigil news");
        System.err.printf(java.util.Locale.ROOT, "vigil news job: wrote %s in %.1f s%n", o.output(), (System.nanoTime() - t0) / 1e9);
    }

    static Options parse(String[] args) {
        Path input = null;
        Path output = null;
        int parallelism = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--input" -> input = Path.of(v);
                case "--output" -> output = Path.of(v);
                case "--parallelism" -> {
                    try {
                        parallelism = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--parallelism takes a number, got '" + v + "'");
                    }
                    if (parallelism < 1) {
                        throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        return new Options(input, output, parallelism);
    }

    /** Adds the job to {@code env}: the file list, extraction on every slot, one sink writing {@code output}. */
    static void build(StreamExecutionEnvironment env, Options o) {
        if (o.parallelism() > 0) {
            env.setParallelism(o.parallelism());
        }
        List<NewsFile> files = list(o.input());
        DataStream<NewsFile> work = env.fromData(files, TypeInformation.of(NewsFile.class)).setParallelism(1).name("news files");
        DataStream<String> lines = work.rebalance()
                .flatMap(new ExtractFunction(), TypeInformation.of(String.class)).name("ingest and extract");
        lines.sinkTo(JsonLinesFileSink.toFile(o.output())).setParallelism(1).name(o.output().getFileName().toString());
    }

    /**
     * The files of {@code input} as {@code vigil extract} visits a folder ({@link NewsIngest#listFolder}):
     * what it leaves out comes as a problem each. A file is its own list.
     */
    static List<NewsFile> list(Path input) {
        List<NewsFile> out = new ArrayList<>();
        if (!Files.isDirectory(input)) {
            out.add(new NewsFile(input.toString(), null, null));
            return out;
        }
        for (NewsIngest.FolderEntry e : NewsIngest.listFolder(input)) {
            out.add(new NewsFile(e.path().toString(), e.doc(), e.reason()));
        }
        return out;
    }

    static String problem(String origin, long line, String reason) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "problem");
        o.put("origin", origin);
        o.put("line", line);
        o.put("reason", reason);
        return o.toString();
    }

    /** Reads one file and extracts its articles with this slot's own extractor. */
    static final class ExtractFunction extends RichFlatMapFunction<NewsFile, String> {
        private transient NewsExtractor extractor;
        private transient NewsIngest ingest;
        private transient long articles;
        private transient long busyNanos;

        @Override
        public void open(OpenContext context) {
            long t0 = System.nanoTime();
            // as vigil extract builds it (NewsPipeline): CoreNLP, the standard gazetteer, the shipped model
            extractor = new NewsExtractor(new CoreNlpAnalyzer(), Gazetteer.standard());
            CoreNlpAnalyzer.warmUp();
            ingest = new NewsIngest();
            System.err.printf(java.util.Locale.ROOT, "vigil news job: slot %d loaded the NLP pipeline in %.1f s%n",
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), (System.nanoTime() - t0) / 1e9);
        }

        @Override
        public void close() {
            System.err.printf(java.util.Locale.ROOT, "vigil news job: slot %d extracted %d article(s) in %.1f s%n",
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), articles, busyNanos / 1e9);
        }

        @Override
        public void flatMap(NewsFile f, Collector<String> out) {
            long t0 = System.nanoTime();
            try {
                read(f, out);
            } finally {
                busyNanos += System.nanoTime() - t0;
            }
        }

        private void read(NewsFile f, Collector<String> out) {
            if (f.problem != null) {
                out.collect(problem(f.path, 0, f.problem));
                return;
            }
            List<Problem> quarantine = new ArrayList<>();
            NewsBatch batch = ingest.read(Path.of(f.path), quarantine::add);
            for (Problem p : quarantine) {
                out.collect(problem(p.origin(), p.line(), p.reason()));
            }
            String fileName = Path.of(f.path).getFileName().toString();
            for (Article a : batch.articles()) {
                Article named = f.doc != null && a.doc().equals(fileName) && !f.doc.equals(fileName)
                        ? new Article(a.id(), f.doc, a.url(), a.title(), a.published(), a.language(), a.text(), a.sources())
                        : a;
                try {
                    Extraction x = extractor.extract(named);
                    articles++;
                    out.collect(GoldFormat.line(named.doc(), x, false));
                } catch (RuntimeException | StackOverflowError e) {
                    out.collect(problem(f.path, 0, "extraction failed (" + e + "); the article was skipped, please report it with the file"));
                }
            }
        }
    }
}
