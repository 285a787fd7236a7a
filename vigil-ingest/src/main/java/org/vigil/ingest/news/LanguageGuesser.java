package org.vigil.ingest.news;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses an article's language as an ISO 639-1 code. Non-Latin scripts are told apart by
 * Unicode block; Latin-script languages by how many of their most frequent function words the
 * text uses. That is enough to tell the extractor "this is not English" without a model.
 */
final class LanguageGuesser {

    private static final int MAX_CHARS = 20_000;
    private static final int MIN_HITS = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

    /** The most frequent function words per language; words shared by two languages still help. */
    private static final Map<String, Set<String>> STOPWORDS = new LinkedHashMap<>();

    static {
        STOPWORDS.put("en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "it", "was",
                "on", "with", "as", "he", "his", "are", "by", "this", "be", "from", "have", "has",
                "had", "not", "but", "which", "they", "were", "their", "would", "said", "will",
                "been", "its", "who", "an", "at", "or", "we", "after", "also", "than"));
        STOPWORDS.put("de", Set.of("der", "die", "und", "den", "das", "nicht", "von", "sie", "ist",
                "des", "sich", "mit", "dem", "dass", "er", "es", "ein", "ich", "auf", "so", "eine",
                "auch", "als", "an", "nach", "wie", "im", "für", "zu", "bei", "wird", "werden",
                "hat", "haben", "sind", "war", "einer", "einen", "über", "aus", "um", "noch"));
        STOPWORDS.put("fr", Set.of("le", "la", "les", "de", "des", "du", "et", "un", "une", "est",
                "que", "qui", "dans", "pour", "pas", "sur", "au", "aux", "il", "elle", "ne", "se",
                "ce", "cette", "avec", "sont", "par", "plus", "ont", "été", "mais", "ou", "nous",
                "leur", "selon", "comme", "aussi", "être", "son", "sa", "ses", "lors"));
        STOPWORDS.put("es", Set.of("el", "la", "los", "las", "de", "del", "y", "que", "en", "un",
                "una", "es", "por", "con", "para", "se", "no", "al", "lo", "su", "sus", "como",
                "más", "pero", "fue", "ha", "han", "este", "esta", "son", "también", "sobre",
                "entre", "cuando", "muy", "sin", "hasta", "desde", "porque", "según"));
        STOPWORDS.put("it", Set.of("il", "lo", "la", "gli", "le", "di", "del", "della", "dei",
                "che", "e", "è", "un", "una", "per", "non", "con", "si", "da", "in", "al", "alla",
                "sono", "ha", "hanno", "come", "più", "ma", "anche", "questo", "questa", "nel",
                "nella", "stato", "essere", "tra", "dopo", "sul", "sulla", "perché"));
        STOPWORDS.put("pt", Set.of("o", "a", "os", "as", "de", "do", "da", "dos", "das", "e",
                "que", "em", "no", "na", "nos", "nas", "um", "uma", "para", "com", "não", "por",
                "se", "mais", "foi", "ao", "é", "são", "como", "mas", "seu", "sua", "pelo", "pela",
                "também", "ser", "está", "já", "entre", "quando"));
        STOPWORDS.put("nl", Set.of("de", "het", "een", "en", "van", "in", "is", "dat", "op",
                "te", "zijn", "niet", "met", "voor", "hij", "ook", "maar", "er", "om", "aan",
                "die", "door", "naar", "bij", "werd", "heeft", "hebben", "wordt", "nog", "als",
                "dan", "over", "zal", "tot", "uit", "wel"));
        STOPWORDS.put("sv", Set.of("och", "att", "det", "som", "en", "på", "är", "av", "för",
                "med", "till", "den", "har", "de", "inte", "om", "ett", "han", "men", "var",
                "jag", "sig", "från", "vi", "så", "kan", "man", "när", "år", "säger", "också"));
        STOPWORDS.put("pl", Set.of("i", "w", "nie", "na", "się", "z", "do", "to", "że", "jest",
                "o", "jak", "ale", "po", "co", "tak", "za", "od", "przez", "jego", "jej", "oraz",
                "który", "która", "które", "być", "był", "była", "tym", "dla", "czy", "już"));
        STOPWORDS.put("tr", Set.of("ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok",
                "daha", "olan", "gibi", "ama", "sonra", "kadar", "ancak", "değil", "ise", "en",
                "her", "şey", "dedi", "olduğu", "göre", "oldu", "ki"));
    }

    private LanguageGuesser() {
    }

    /** An ISO 639-1 code, or null when the text gives too little to go on. */
    static String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String byScript = byScript(sample);
        if (byScript != null) {
            return byScript;
        }
        return byStopwords(sample);
    }

    private static String byScript(String s) {
        int latin = 0;
        int cyrillic = 0;
        int arabic = 0;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int greek = 0;
        int hebrew = 0;
        int devanagari = 0;
        int thai = 0;
        boolean ukrainian = false;
        boolean persian = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case LATIN -> latin++;
                case CYRILLIC -> {
                    cyrillic++;
                    // і ї є ґ are Ukrainian letters that Russian does not use.
                    if (cp == 'і' || cp == 'ї' || cp == 'є' || cp == 'ґ') {
                        ukrainian = true;
                    }
                }
                case ARABIC -> {
                    arabic++;
                    // پ چ ژ گ are Persian letters that Arabic does not use.
                    if (cp == 'پ' || cp == 'چ' || cp == 'ژ' || cp == 'گ') {
                        persian = true;
                    }
                }
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case DEVANAGARI -> devanagari++;
                case THAI -> thai++;
                default -> { }
            }
        }
        int nonLatin = cyrillic + arabic + han + kana + hangul + greek + hebrew + devanagari + thai;
        if (nonLatin <= latin) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        counts.put(ukrainian ? "uk" : "ru", cyrillic);
        counts.put(persian ? "fa" : "ar", arabic);
        // Japanese mixes kana with Han characters; Chinese has no kana.
        counts.put(kana > 0 ? "ja" : "zh", kana + han);
        counts.put("ko", hangul);
        counts.put("el", greek);
        counts.put("he", hebrew);
        counts.put("hi", devanagari);
        counts.put("th", thai);
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static String byStopwords(String s) {
        Map<String, Integer> hits = new HashMap<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            for (var e : STOPWORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestHits = 0;
        for (var e : hits.entrySet()) {
            if (e.getValue() > bestHits || (e.getValue() == bestHits && "en".equals(e.getKey()))) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        return bestHits >= MIN_HITS ? best : null;
    }
}
