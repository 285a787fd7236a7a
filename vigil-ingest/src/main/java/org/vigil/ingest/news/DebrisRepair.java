package org.vigil.ingest.news;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a token that a broken scraper or template injected all over a page: on lines of its
 * own, glued to the end of sentences ({@code conflicts.begin}) and even inside words
 * ({@code prbeginocess}).
 *
 * <p>The token is not known in advance. A lower-case word standing alone on a line at least
 * twice is a suspect; no real article puts the same bare lower-case word on its own line
 * repeatedly. Inside a word the suspect is removed only when that turns a non-word into a word
 * (by the English word list, or by the word occurring elsewhere in the same document), so real
 * uses such as "begin to", "beginning" or a headline's "Begin." are left alone.
 */
final class DebrisRepair {

    /** The repaired lines and how many injected tokens were removed, by token. */
    record Result(List<String> lines, Map<String, Integer> removed) {
        int total() {
            return removed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final Pattern LONE = Pattern.compile("\\s*([a-z]{3,15})[.!?]?\\s*");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_LONE_LINES = 2;

    private DebrisRepair() {
    }

    static Result repair(List<String> lines) {
        Set<String> suspects = suspects(lines);
        if (suspects.isEmpty()) {
            return new Result(lines, Map.of());
        }
        Set<String> documentWords = documentWords(lines, suspects);
        Map<String, Integer> removed = new HashMap<>();
        List<String> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            String fixed = line;
            for (String token : suspects) {
                fixed = repairLine(fixed, token, documentWords, removed);
            }
            out.add(fixed);
        }
        return new Result(out, Map.copyOf(removed));
    }

    private static Set<String> suspects(List<String> lines) {
        Map<String, Integer> lone = new HashMap<>();
        for (String line : lines) {
            Matcher m = LONE.matcher(line);
            if (m.matches()) {
                lone.merge(m.group(1), 1, Integer::sum);
            }
        }
        Set<String> suspects = new TreeSet<>();
        lone.forEach((token, count) -> {
            if (count >= MIN_LONE_LINES) {
                suspects.add(token);
            }
        });
        return suspects;
    }

    private static Set<String> documentWords(List<String> lines, Set<String> suspects) {
        Set<String> words = new HashSet<>();
        for (String line : lines) {
            Matcher m = WORD.matcher(line);
            while (m.find()) {
                String w = m.group().toLowerCase(Locale.ROOT);
                if (suspects.stream().noneMatch(w::contains)) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static String repairLine(String line, String token, Set<String> documentWords,
                                     Map<String, Integer> removed) {
        if (!line.contains(token)) {
            return line;
        }
        Matcher lone = LONE.matcher(line);
        if (lone.matches() && lone.group(1).equals(token)) {
            removed.merge(token, 1, Integer::sum);
            return "";
        }
        // Glued to the end of a sentence or clause: "conflicts.begin", "election:begin".
        Pattern glued = Pattern.compile("(?<=[.!?:;,)\\]\"”’])" + Pattern.quote(token) + "(?=\\s|$)");
        Matcher g = glued.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (g.find()) {
            removed.merge(token, 1, Integer::sum);
            g.appendReplacement(sb, "");
        }
        g.appendTail(sb);
        String s = sb.toString();

        Matcher w = WORD.matcher(s);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (w.find()) {
            String word = w.group();
            String fixed = word.length() > token.length() ? withoutToken(word, token, documentWords) : null;
            if (fixed != null) {
                out.append(s, last, w.start()).append(fixed);
                last = w.end();
                removed.merge(token, 1, Integer::sum);
            }
        }
        out.append(s.substring(last));
        return out.toString();
    }

    /** The word with one occurrence of the token removed, when only that version is a word. */
    private static String withoutToken(String word, String token, Set<String> documentWords) {
        if (!word.contains(token) || isKnown(word, documentWords)) {
            return null;
        }
        for (int at = word.indexOf(token); at >= 0; at = word.indexOf(token, at + 1)) {
            String candidate = word.substring(0, at) + word.substring(at + token.length());
            if (isKnown(candidate, documentWords)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isKnown(String word, Set<String> documentWords) {
        String lower = word.toLowerCase(Locale.ROOT);
        return EnglishWords.contains(lower) || documentWords.contains(lower);
    }
}
