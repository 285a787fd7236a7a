package org.vigil.ingest.news;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * A lower-case English word list (about 64,000 words from SCOWL, see english-words.NOTICE.txt),
 * loaded once. It only has to answer "is this a word?" well enough to spot a token injected
 * into the middle of one.
 */
final class EnglishWords {

    private static final String RESOURCE = "english-words.txt.gz";

    private static final class Holder {
        static final Set<String> WORDS = load();
    }

    private EnglishWords() {
    }

    static boolean contains(String word) {
        return Holder.WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    static int size() {
        return Holder.WORDS.size();
    }

    private static Set<String> load() {
        try (InputStream raw = EnglishWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("The word list " + RESOURCE
                        + " is missing from the vigil-ingest jar; rebuild the module.");
            }
            Set<String> words = new HashSet<>(100_000);
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        words.add(line.strip());
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the word list " + RESOURCE
                    + " from the vigil-ingest jar; rebuild the module.", e);
        }
    }
}
