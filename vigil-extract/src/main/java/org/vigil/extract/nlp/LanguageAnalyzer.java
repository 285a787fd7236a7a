package org.vigil.extract.nlp;

import java.util.List;

/** Sentence splitting and dependency parsing, behind an interface so rules can be tested with any parser. */
public interface LanguageAnalyzer {
    /** The sentences of an article, with their offsets; paragraphs and lines always end a sentence. */
    List<TextSpan> sentences(String text);

    /** Tokens, lemmas, part-of-speech tags and a dependency tree for one sentence. */
    ParsedSentence parse(String sentence);
}
