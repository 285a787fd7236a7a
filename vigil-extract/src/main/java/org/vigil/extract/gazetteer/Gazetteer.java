package org.vigil.extract.gazetteer;

import org.vigil.model.VigilException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds foreign actors and US candidates in a sentence, from the data files beside this class
 * ({@code actors.tsv}, {@code candidates.tsv}, {@code not-candidates.tsv}). Aliases are compiled into
 * one alternation per table, longest first, so "Vladimir Putin" wins over "Putin" and
 * "Hunter Biden" hides "Biden".
 */
public final class Gazetteer {
    private record Entry(String value, String kind, String alias, boolean caseSensitive, Set<Integer> cycles) {
    }

    /** Actor entries by alias: case-insensitive ones under their folded alias, case-sensitive ones as written. */
    private final Map<String, Entry> actorsCi = new HashMap<>();
    private final Map<String, Entry> actorsCs = new HashMap<>();
    /** Candidate entries by folded alias; one alias can mean different people in different cycles. */
    private final Map<String, List<Entry>> candidatesByAlias = new HashMap<>();
    private final Pattern actorCi;
    private final Pattern actorCs;
    private final Pattern candidatePattern;
    private final Pattern notCandidatePattern;

    private Gazetteer(List<Entry> actors, List<Entry> candidates, List<String> notCandidates) {
        for (Entry e : actors) {
            if (e.caseSensitive) {
                actorsCs.putIfAbsent(e.alias, e);
            } else {
                actorsCi.putIfAbsent(fold(e.alias), e);
            }
        }
        for (Entry e : candidates) {
            candidatesByAlias.computeIfAbsent(fold(e.alias), k -> new ArrayList<>()).add(e);
        }
        this.actorCi = alternation(actors.stream().filter(e -> !e.caseSensitive).map(Entry::alias).toList(), true, AFFILIATION);
        this.actorCs = alternation(actors.stream().filter(Entry::caseSensitive).map(Entry::alias).toList(), false, AFFILIATION);
        this.candidatePattern = alternation(candidates.stream().map(Entry::alias).toList(), true, "");
        this.notCandidatePattern = alternation(notCandidates, true, "");
    }

    /** The gazetteer that ships with Vigil. */
    public static Gazetteer standard() {
        List<Entry> actors = new ArrayList<>(readEntries("actors.tsv", true));
        actors.addAll(readStates("states.tsv"));
        for (String blocked : readLines("not-actors.tsv")) {
            actors.add(new Entry(BLOCKED, "blocked", blocked.trim(), false, Set.of()));
        }
        return new Gazetteer(actors, readEntries("candidates.tsv", false), readLines("not-candidates.tsv"));
    }

    /** The value of names that hide a state's name inside them ("New Mexico"); their hits are dropped. */
    private static final String BLOCKED = "-";

    /** Words that may join a state's name to say who is behind something: "Russia-linked", "Iranian-backed". */
    private static final String AFFILIATION = "-(?:linked|backed|based|aligned|affiliated|sponsored|controlled|run|funded|connected|tied|directed|allied|led|organi[sz]ed|orchestrated|operated|friendly)";

    /**
     * Every foreign state by name, other names, demonyms (adjective and plural) and capital, from
     * {@code states.tsv}. A field flagged ambiguous (Georgia, Jordan, "Indian", Kingston) is left out:
     * on its own it means something else in US news too often.
     */
    private static List<Entry> readStates(String resource) {
        List<Entry> out = new ArrayList<>();
        for (String line : readLines(resource)) {
            String[] f = java.util.Arrays.copyOf(line.split("\t", -1), 7);
            if (f[1] == null) {
                throw new VigilException("gazetteer " + resource + ": line '" + line + "' needs the columns code, name, aliases, demonym, "
                        + "demonym_plural, capital, flags; fix the data file");
            }
            String code = f[0].trim();
            String flags = f[6] == null ? "" : f[6];
            List<String> forms = new ArrayList<>();
            if (!flags.contains("ambiguous-name")) {
                forms.add(f[1]);
            }
            forms.addAll(split(f[2]));
            if (!flags.contains("ambiguous-demonym")) {
                forms.addAll(split(f[3]));
                forms.addAll(split(f[4]));
            }
            if (!flags.contains("ambiguous-capital")) {
                forms.addAll(split(f[5]));
            }
            for (String form : forms) {
                if (!form.isBlank()) {
                    out.add(new Entry(code, "state", form.trim(), false, Set.of()));
                }
            }
        }
        return out;
    }

    private static List<String> split(String field) {
        return field == null || field.isBlank() ? List.of() : List.of(field.split("\\|"));
    }

    /** Foreign-actor mentions, left to right, overlapping hits resolved to the longest. */
    public List<Mention> actors(String sentence) {
        List<Mention> found = new ArrayList<>();
        collect(actorCi, sentence, found, true);
        collect(actorCs, sentence, found, false);
        List<Mention> out = new ArrayList<>();
        for (Mention m : longestNonOverlapping(found)) {
            if (!m.value().equals(BLOCKED)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Candidate and party mentions for an election cycle (e.g. 2024), left to right. */
    public List<Mention> candidates(String sentence, int cycle) {
        List<int[]> hidden = new ArrayList<>();
        if (notCandidatePattern != null) {
            Matcher m = notCandidatePattern.matcher(sentence);
            while (m.find()) {
                hidden.add(new int[]{m.start(), m.end()});
            }
        }
        List<Mention> found = new ArrayList<>();
        Matcher m = candidatePattern.matcher(sentence);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (hidden.stream().anyMatch(h -> s < h[1] && e > h[0])) {
                continue;
            }
            String seen = m.group();
            Entry entry = candidatesByAlias.getOrDefault(fold(seen), List.of()).stream()
                    .filter(c -> c.cycles.isEmpty() || c.cycles.contains(cycle))
                    .findFirst().orElse(null);
            if (entry == null) {
                continue; // the alias means nobody in this cycle ("the former president" in 2016)
            }
            found.add(new Mention(s, e, seen, entry.value, "candidate"));
        }
        return found;
    }

    private void collect(Pattern p, String sentence, List<Mention> out, boolean ci) {
        if (p == null) {
            return;
        }
        Matcher m = p.matcher(sentence);
        while (m.find()) {
            String seen = m.group();
            String key = seen.replaceFirst("(?i)" + AFFILIATION + "$", "");
            Entry e = ci ? actorsCi.get(fold(key)) : actorsCs.get(key);
            if (e == null && !key.equals(seen)) {
                e = ci ? actorsCi.get(fold(seen)) : actorsCs.get(seen);
            }
            if (e != null) {
                out.add(new Mention(m.start(), m.end(), seen, e.value, e.kind));
            }
        }
    }

    /** The form aliases are looked up in: lower case, typographic apostrophes as straight ones. */
    private static String fold(String s) {
        return s.replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    private static List<Mention> longestNonOverlapping(List<Mention> found) {
        found.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start())));
        List<Mention> out = new ArrayList<>();
        int lastEnd = -1;
        for (Mention m : found) {
            if (m.start() >= lastEnd) {
                out.add(m);
                lastEnd = m.end();
            }
        }
        return out;
    }

    private static Pattern alternation(List<String> aliases, boolean caseInsensitive, String optionalSuffix) {
        if (aliases.isEmpty()) {
            return null;
        }
        List<String> sorted = new ArrayList<>(aliases);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            // typographic and straight apostrophes are the same letter here
            sb.append(Pattern.quote(sorted.get(i)).replace("'", "\\E['’]\\Q"));
        }
        // a possessive or plural 's may follow; a letter or digit may not
        sb.append(')');
        if (!optionalSuffix.isEmpty()) {
            sb.append("(?:").append(optionalSuffix).append(")?");
        }
        sb.append("(?![\\p{L}\\p{N}]|-[\\p{Ll}])");
        int flags = Pattern.UNICODE_CASE | (caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(sb.toString(), flags);
    }

    private static List<Entry> readEntries(String resource, boolean actorTable) {
        List<Entry> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : readLines(resource)) {
            lineNo++;
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new VigilException("gazetteer " + resource + ": line '" + line + "' needs 3 tab-separated columns; fix the data file");
            }
            if (actorTable) {
                boolean cs = f.length > 3 && f[3].trim().equals("cs");
                String kind = f[1].trim().equals("government") ? "state" : f[1].trim();
                out.add(new Entry(f[0].trim(), kind, f[2].trim(), cs, Set.of()));
            } else {
                Set<Integer> cycles = f[1].trim().equals("*") ? Set.of()
                        : Set.copyOf(java.util.Arrays.stream(f[1].split(",")).map(s -> Integer.parseInt(s.trim())).toList());
                out.add(new Entry(f[0].trim().toLowerCase(Locale.ROOT), "candidate", f[2].trim(), false, cycles));
            }
        }
        return out;
    }

    private static List<String> readLines(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new VigilException("gazetteer data file " + resource + " is missing from the classpath; rebuild vigil-extract");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new VigilException("cannot read gazetteer data file " + resource + ": " + e.getMessage(), e);
        }
    }
}
