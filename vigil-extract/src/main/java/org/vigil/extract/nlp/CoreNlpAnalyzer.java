package org.vigil.extract.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP behind {@link LanguageAnalyzer}. Two light pipelines, each built once per JVM
 * (loading the models takes seconds): a splitter (tokenize, ssplit) run on whole articles, and a
 * parser (pos, lemma, depparse; no NER, no SUTime) run only on the sentences the gazetteer keeps.
 */
public final class CoreNlpAnalyzer implements LanguageAnalyzer {
    private static final class Holder {
        static final StanfordCoreNLP SPLITTER = new StanfordCoreNLP(splitterProps());
        static final StanfordCoreNLP PARSER = new StanfordCoreNLP(parserProps());
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

    /** Loads the models now rather than on first use (the CLI does this before timing starts). */
    public static void warmUp() {
        Holder.PARSER.getClass();
        Holder.SPLITTER.getClass();
    }

    @Override
    public List<TextSpan> sentences(String text) {
        Annotation doc = new Annotation(text);
        Holder.SPLITTER.annotate(doc);
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
        Holder.PARSER.annotate(doc);
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
