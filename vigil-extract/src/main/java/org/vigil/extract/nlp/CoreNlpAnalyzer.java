package org.vigil.extract.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.Annotator;
import edu.stanford.nlp.pipeline.AnnotatorImplementations;
import edu.stanford.nlp.pipeline.AnnotatorPool;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;
import edu.stanford.nlp.util.Lazy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP behind {@link LanguageAnalyzer}. Two light pipelines (loading the models takes
 * seconds): a splitter (tokenize, ssplit) run on whole articles, and a parser (pos, lemma, depparse;
 * no NER, no SUTime) run only on the sentences the gazetteer keeps.
 *
 * <p>{@code new CoreNlpAnalyzer()} uses the two pipelines every such analyzer in the JVM shares, built
 * once on first use (what {@code vigil extract} runs). {@link #withOwnPipelines()} builds an analyzer
 * with pipelines and models of its own, shared with no other analyzer: a Flink task slot gets one
 * each, so slots in one task manager do not share CoreNLP state. Both kinds give the same results.
 */
public final class CoreNlpAnalyzer implements LanguageAnalyzer {
    private static final class Holder {
        static final StanfordCoreNLP SPLITTER = new StanfordCoreNLP(splitterProps());
        static final StanfordCoreNLP PARSER = new StanfordCoreNLP(parserProps());
    }

    /** A depparse setting no parser reads; its value tells one analyzer's dependency parser from another's. */
    private static final String OWNER_KEY = "vigilOwner";
    private static final java.util.concurrent.atomic.AtomicLong OWNERS = new java.util.concurrent.atomic.AtomicLong();

    /** This analyzer's own pipelines, or null for the JVM's shared ones. */
    private final StanfordCoreNLP ownSplitter;
    private final StanfordCoreNLP ownParser;

    /** An analyzer on the JVM's shared pipelines, which are loaded on first use (or by {@link #warmUp()}). */
    public CoreNlpAnalyzer() {
        this(null, null);
    }

    private CoreNlpAnalyzer(StanfordCoreNLP splitter, StanfordCoreNLP parser) {
        this.ownSplitter = splitter;
        this.ownParser = parser;
    }

    /**
     * An analyzer with two pipelines of its own, loaded now: every annotator (tokenizer, tagger,
     * lemmatizer, dependency parser and their models) is built for it alone, not taken from CoreNLP's
     * per-JVM annotator cache. Each costs the load time and heap of a full set of models (about 3 s and
     * 330 MiB of live heap once loaded, measured with JDK 17).
     */
    public static CoreNlpAnalyzer withOwnPipelines() {
        Properties parser = parserProps();
        // CoreNLP keeps one dependency parser per model and settings for the JVM (DependencyParserCache), even
        // across annotator pools; a setting the parser does not read makes this one its own
        parser.setProperty("depparse." + OWNER_KEY, "vigil-" + OWNERS.incrementAndGet());
        return new CoreNlpAnalyzer(ownPipeline(splitterProps()), ownPipeline(parser));
    }

    /**
     * A pipeline whose annotators come from a pool of its own. CoreNLP's default pool hands out one
     * annotator per name and settings for the whole JVM; this one builds them with the same settings
     * and the same factories, so the results are the same.
     */
    private static StanfordCoreNLP ownPipeline(Properties props) {
        AnnotatorImplementations impl = new AnnotatorImplementations();
        AnnotatorPool pool = new AnnotatorPool();
        pool.register(Annotator.STANFORD_TOKENIZE, props, Lazy.cache(() -> impl.tokenizer(props)));
        pool.register(Annotator.STANFORD_SSPLIT, props, Lazy.cache(() -> impl.wordToSentences(props)));
        pool.register(Annotator.STANFORD_POS, props, Lazy.cache(() -> impl.posTagger(props)));
        pool.register(Annotator.STANFORD_LEMMA, props, Lazy.cache(() -> impl.morpha(props, false)));
        pool.register(Annotator.STANFORD_DEPENDENCIES, props, Lazy.cache(() -> impl.dependencies(props)));
        return new StanfordCoreNLP(props, true, pool);
    }

    /** Whether this analyzer has pipelines of its own ({@link #withOwnPipelines()}). */
    public boolean ownsPipelines() {
        return ownSplitter != null;
    }

    /**
     * Whether this analyzer and {@code other} run any CoreNLP annotator object in common (two analyzers
     * on the shared pipelines do; an analyzer with its own pipelines shares none, nor the tagger and
     * dependency parser inside them). Loads the shared pipelines if either uses them.
     */
    public boolean sharesAnnotatorsWith(CoreNlpAnalyzer other) {
        java.util.Set<Annotator> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        mine.addAll(annotators());
        return other.annotators().stream().anyMatch(mine::contains);
    }

    /**
     * The CoreNLP annotators this analyzer runs, the splitter's then the parser's (to check what is shared).
     * Loads the shared pipelines if this analyzer uses them.
     */
    public List<Annotator> annotators() {
        List<Annotator> out = new ArrayList<>();
        for (StanfordCoreNLP p : List.of(splitter(), parser())) {
            for (String name : p.getProperties().getProperty("annotators").split("[, \\t]+")) {
                if (!name.isBlank()) {
                    out.add(p.pool.get(name.strip()));
                }
            }
        }
        return out;
    }

    private StanfordCoreNLP splitter() {
        return ownSplitter != null ? ownSplitter : Holder.SPLITTER;
    }

    private StanfordCoreNLP parser() {
        return ownParser != null ? ownParser : Holder.PARSER;
    }

    private static Properties splitterProps() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
        return p;
    }

    private static Properties parserProps() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
        p.setProperty("ssplit.isOneSentence", "true");
        p.setProperty("tokenize.options", "untokenizable=noneKeep");
        p.setProperty("depparse.maxTime", "2000");
        return p;
    }

    /** Loads the shared models now rather than on first use (the CLI does this before timing starts). */
    public static void warmUp() {
        Holder.PARSER.getClass();
        Holder.SPLITTER.getClass();
    }

    @Override
    public List<TextSpan> sentences(String text) {
        Annotation doc = new Annotation(text);
        splitter().annotate(doc);
        List<TextSpan> out = new ArrayList<>();
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            int b = s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int e = s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            out.add(new TextSpan(b, e, text.substring(b, e)));
        }
        return out;
    }

    @Override
    public ParsedSentence parse(String sentence) {
        Annotation doc = new Annotation(sentence);
        parser().annotate(doc);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<Token> tokens = new ArrayList<>();
        if (sentences.isEmpty()) {
            return new ParsedSentence(sentence, tokens);
        }
        CoreMap s = sentences.get(0);
        List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
        SemanticGraph graph = s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        int[] heads = new int[labels.size()];
        String[] rels = new String[labels.size()];
        java.util.Arrays.fill(heads, -1);
        java.util.Arrays.fill(rels, "root");
        if (graph != null) {
            for (SemanticGraphEdge edge : graph.edgeIterable()) {
                IndexedWord dep = edge.getDependent();
                int i = dep.index() - 1;
                if (i >= 0 && i < heads.length) {
                    heads[i] = edge.getGovernor().index() - 1;
                    rels[i] = edge.getRelation().toString();
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            CoreLabel l = labels.get(i);
            tokens.add(new Token(i, l.word(), l.lemma() == null ? l.word() : l.lemma(), l.tag() == null ? "" : l.tag(),
                    l.beginPosition(), l.endPosition(), heads[i], rels[i]));
        }
        return new ParsedSentence(sentence, tokens);
    }
}
