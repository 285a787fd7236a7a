package org.vigil.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
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
 * News at scale: {@code flink run -c org.vigil.flink.NewsJob vigil-flink-VERSION-job.jar (--input DIR |
 * --kafka-bootstrap HOST:PORT --kafka-topic TOPIC [--kafka-group ID]) (--output FILE | --kafka-output-topic TOPIC)
 * [--parallelism N] [--pipelines per-slot|shared]}. The client lists the files of {@code DIR} (recursively, in path
 * order); a Kafka topic is read from its earliest offsets to the latest at start, one article per record
 * ({@link KafkaArticles} has the format). Each task slot of the extraction operator reads what it is handed with
 * {@link NewsIngest} (the reader of {@code vigil extract}) and runs one {@link NewsExtractor} built in
 * {@code open()} as {@code vigil extract} builds it (CoreNLP and the shipped model), by default on CoreNLP
 * pipelines of its own ({@link CoreNlpAnalyzer#withOwnPipelines()}). The output gets one line per article in the
 * format {@code vigil extract --output} writes ({@link GoldFormat}), and one
 * {@code {"type":"problem","origin":...,"line":...,"reason":...}} line per file or record that could not be read
 * or extracted; a bad file or record never stops the job.
 */
public final class NewsJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String USAGE = "usage: (--input DIR | --kafka-bootstrap HOST:PORT --kafka-topic TOPIC [--kafka-group ID])"
            + " (--output FILE | --kafka-output-topic TOPIC) [--parallelism N] [--pipelines per-slot|shared]";

    /**
     * What the job reads and writes; {@code parallelism} 0 keeps the environment's default. {@code ownPipelines}:
     * each slot loads CoreNLP pipelines of its own ({@code --pipelines per-slot}, the default), or the slots of a
     * task manager share one set ({@code --pipelines shared}, less memory).
     */
    public record Options(Path input, String kafkaBootstrap, String kafkaTopic, String kafkaGroup, Path output,
                          String kafkaOutputTopic, int parallelism, boolean ownPipelines) {
        public Options {
            boolean kafka = kafkaTopic != null;
            if ((input != null) == kafka) {
                throw new IllegalArgumentException("give either --input DIR or --kafka-topic TOPIC (with --kafka-bootstrap), not "
                        + (kafka ? "both" : "neither"));
            }
            if ((output == null) == (kafkaOutputTopic == null)) {
                throw new IllegalArgumentException("give either --output FILE or --kafka-output-topic TOPIC, not "
                        + (output == null ? "neither" : "both"));
            }
            if ((kafka || kafkaOutputTopic != null) && kafkaBootstrap == null) {
                throw new IllegalArgumentException((kafka ? "--kafka-topic" : "--kafka-output-topic") + " needs --kafka-bootstrap HOST:PORT");
            }
            if (parallelism < 0) {
                throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
            }
        }

        /** Files in, a file out, one pipeline set per slot. */
        public Options(Path input, Path output, int parallelism) {
            this(input, null, null, null, output, null, parallelism, true);
        }
    }

    /**
     * One unit of work: a file to read with the name its article goes by in the output (its path below the input
     * folder, as {@code vigil extract} names it), a problem the listing found, or a Kafka record ({@code origin}
     * names its topic, partition and offset; {@code value} is its bytes). A Flink POJO.
     */
    public static final class NewsInput {
        public String path;
        public String doc;
        public String problem;
        public String origin;
        public byte[] value;

        public NewsInput() {
        }

        NewsInput(String path, String doc, String problem) {
            this.path = path;
            this.doc = doc;
            this.problem = problem;
        }

        static NewsInput record(String origin, byte[] value) {
            NewsInput r = new NewsInput();
            r.origin = origin;
            r.value = value;
            return r;
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
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, o);
        long t0 = System.nanoTime();
        env.execute("vigil news");
        System.err.printf(java.util.Locale.ROOT, "vigil news job: wrote %s in %.1f s%n",
                o.output() != null ? o.output() : "kafka topic " + o.kafkaOutputTopic(), (System.nanoTime() - t0) / 1e9);
    }

    static Options parse(String[] args) {
        Path input = null;
        Path output = null;
        String bootstrap = null;
        String topic = null;
        String group = "vigil-news";
        String outTopic = null;
        boolean own = true;
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
                case "--kafka-bootstrap" -> bootstrap = v;
                case "--kafka-topic" -> topic = v;
                case "--kafka-group" -> group = v;
                case "--kafka-output-topic" -> outTopic = v;
                case "--pipelines" -> own = switch (v) {
                    case "per-slot" -> true;
                    case "shared" -> false;
                    default -> throw new IllegalArgumentException("--pipelines takes per-slot or shared, got '" + v + "'");
                };
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
        return new Options(input, bootstrap, topic, group, output, outTopic, parallelism, own);
    }

    /**
     * Adds the job to {@code env}: the file list or the Kafka topic (parallelism 1), extraction on every slot,
     * one sink writing the output file or topic.
     */
    static void build(StreamExecutionEnvironment env, Options o) {
        if (o.parallelism() > 0) {
            env.setParallelism(o.parallelism());
        }
        DataStream<NewsInput> work;
        if (o.kafkaTopic() != null) {
            KafkaSource<NewsInput> source = KafkaSource.<NewsInput>builder()
                    .setBootstrapServers(o.kafkaBootstrap())
                    .setTopics(o.kafkaTopic())
                    .setGroupId(o.kafkaGroup())
                    .setStartingOffsets(OffsetsInitializer.earliest())
                    .setBounded(OffsetsInitializer.latest())
                    .setDeserializer(new KafkaArticles())
                    .build();
            work = env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka " + o.kafkaTopic()).setParallelism(1);
        } else {
            List<NewsInput> files = list(o.input());
            work = env.fromData(files, TypeInformation.of(NewsInput.class)).setParallelism(1).name("news files");
        }
        DataStream<String> lines = work.rebalance()
                .flatMap(new ExtractFunction(o.ownPipelines()), TypeInformation.of(String.class)).name("ingest and extract");
        if (o.output() != null) {
            lines.sinkTo(JsonLinesFileSink.toFile(o.output())).setParallelism(1).name(o.output().getFileName().toString());
        } else {
            KafkaSink<String> sink = KafkaLines.sink(o.kafkaBootstrap(), o.kafkaOutputTopic());
            lines.sinkTo(sink).setParallelism(1).name("kafka " + o.kafkaOutputTopic());
        }
    }

    /**
     * The files of {@code input} as {@code vigil extract} visits a folder ({@link NewsIngest#listFolder}):
     * what it leaves out comes as a problem each. A file is its own list.
     */
    static List<NewsInput> list(Path input) {
        List<NewsInput> out = new ArrayList<>();
        if (!Files.isDirectory(input)) {
            out.add(new NewsInput(input.toString(), null, null));
            return out;
        }
        for (NewsIngest.FolderEntry e : NewsIngest.listFolder(input)) {
            out.add(new NewsInput(e.path().toString(), e.doc(), e.reason()));
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

    /** Reads one file or record and extracts its articles with this slot's own extractor. */
    static final class ExtractFunction extends RichFlatMapFunction<NewsInput, String> {
        private final boolean ownPipelines;
        private transient NewsExtractor extractor;
        private transient NewsIngest ingest;
        private transient long articles;
        private transient long busyNanos;

        ExtractFunction(boolean ownPipelines) {
            this.ownPipelines = ownPipelines;
        }

        @Override
        public void open(OpenContext context) {
            long t0 = System.nanoTime();
            // as vigil extract builds it (NewsPipeline): CoreNLP, the standard gazetteer, the shipped model;
            // by default on CoreNLP pipelines this slot owns, not the task manager's shared ones
            CoreNlpAnalyzer analyzer;
            if (ownPipelines) {
                analyzer = CoreNlpAnalyzer.withOwnPipelines();
            } else {
                analyzer = new CoreNlpAnalyzer();
                CoreNlpAnalyzer.warmUp();
            }
            extractor = new NewsExtractor(analyzer, Gazetteer.standard());
            ingest = new NewsIngest();
            System.err.printf(java.util.Locale.ROOT, "vigil news job: slot %d loaded %s NLP pipelines in %.1f s%n",
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), ownPipelines ? "its own" : "the shared",
                    (System.nanoTime() - t0) / 1e9);
        }

        @Override
        public void close() {
            System.err.printf(java.util.Locale.ROOT, "vigil news job: slot %d extracted %d article(s) in %.1f s%n",
                    getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), articles, busyNanos / 1e9);
        }

        @Override
        public void flatMap(NewsInput f, Collector<String> out) {
            long t0 = System.nanoTime();
            try {
                if (f.origin != null) {
                    readRecord(f, out);
                } else {
                    read(f, out);
                }
            } finally {
                busyNanos += System.nanoTime() - t0;
            }
        }

        private void readRecord(NewsInput r, Collector<String> out) {
            List<Problem> quarantine = new ArrayList<>();
            NewsBatch batch;
            try {
                batch = KafkaArticles.read(ingest, r.value, r.origin, quarantine::add);
            } catch (RuntimeException | StackOverflowError e) {
                // a bug must cost this record only, never the job
                out.collect(problem(r.origin, 0, "could not be read (" + e + "); the record was skipped, please report it"));
                return;
            }
            for (Problem p : quarantine) {
                out.collect(problem(p.origin(), p.line(), p.reason()));
            }
            for (Article a : batch.articles()) {
                extract(a, r.origin, "record", out);
            }
        }

        private void extract(Article a, String origin, String what, Collector<String> out) {
            try {
                Extraction x = extractor.extract(a);
                articles++;
                out.collect(GoldFormat.line(a.doc(), x, false));
            } catch (RuntimeException | StackOverflowError e) {
                out.collect(problem(origin, 0, "extraction failed (" + e + "); the article was skipped, please report it with the " + what));
            }
        }

        private void read(NewsInput f, Collector<String> out) {
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
                extract(named, f.path, "file", out);
            }
        }
    }
}
