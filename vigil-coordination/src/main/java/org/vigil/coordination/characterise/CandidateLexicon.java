package org.vigil.coordination.characterise;

import org.vigil.model.Stance;
import org.vigil.model.VigilException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cues for candidate lean, from {@code candidate-lexicon.csv}. A post pushes or attacks a candidate when
 * (1) it carries one of the candidate's campaign hashtags ({@code #maga}, {@code #crookedhillary}), or
 * (2) its text contains a phrase that names both ("crooked hillary"), or (3) it names the candidate
 * (an alias) and contains a polarity word ("corrupt", "vote for"); attack words win over push words.
 * Deliberately simple and inspectable: it yields a candidate lean, not a stance finding.
 */
public final class CandidateLexicon {
    /** One cue found in a post. */
    public record Cue(String candidate, Stance lean, String cue) {
    }

    private final Map<String, Cue> hashtags = new HashMap<>();
    private final List<Cue> phrases = new ArrayList<>();
    private final List<String[]> aliases = new ArrayList<>(); // {alias, candidate}
    private final List<Cue> words = new ArrayList<>();

    private CandidateLexicon() {
    }

    public static CandidateLexicon bundled() {
        CandidateLexicon l = new CandidateLexicon();
        for (DataFiles.Row row : DataFiles.resource("candidate-lexicon.csv", 4)) {
            String candidate = row.cells()[0].toLowerCase(Locale.ROOT);
            String leanName = row.cells()[1].toLowerCase(Locale.ROOT);
            Stance lean = switch (leanName) {
                case "push" -> Stance.FAVORS;
                case "attack" -> Stance.OPPOSES;
                default -> throw new VigilException(row.origin() + ":" + row.line() + ": lean must be push or attack, got '" + leanName + "'");
            };
            String cue = row.cells()[3].toLowerCase(Locale.ROOT);
            switch (row.cells()[2].toLowerCase(Locale.ROOT)) {
                case "hashtag" -> l.hashtags.put(cue.startsWith("#") ? cue.substring(1) : cue, new Cue(candidate, lean, "#" + cue));
                case "phrase" -> l.phrases.add(new Cue(candidate, lean, cue));
                case "alias" -> l.aliases.add(new String[]{cue, candidate});
                case "word" -> l.words.add(new Cue("*", lean, cue));
                default -> throw new VigilException(row.origin() + ":" + row.line() + ": kind must be hashtag, alias, phrase or word");
            }
        }
        return l;
    }

    /** The lean cue of a hashtag (lower-case, without '#'), or null. */
    public Cue hashtag(String tag) {
        return hashtags.get(tag);
    }

    /** Cues in a text: phrases, and alias + polarity word combinations. */
    public List<Cue> text(String text) {
        List<Cue> out = new ArrayList<>(2);
        if (text == null || text.isEmpty()) {
            return out;
        }
        String padded = padded(text);
        java.util.Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(padded.trim().split(" ")));
        for (Cue p : phrases) {
            if (has(p.cue(), words, padded)) {
                out.add(p);
            }
        }
        List<String> named = new ArrayList<>(2);
        for (String[] alias : aliases) {
            if (!named.contains(alias[1]) && has(alias[0], words, padded)) {
                named.add(alias[1]);
            }
        }
        if (!named.isEmpty()) {
            Cue attack = null;
            Cue push = null;
            for (Cue w : this.words) {
                if (has(w.cue(), words, padded)) {
                    if (w.lean() == Stance.OPPOSES && attack == null) {
                        attack = w;
                    } else if (w.lean() == Stance.FAVORS && push == null) {
                        push = w;
                    }
                }
            }
            Cue chosen = attack != null ? attack : push;
            if (chosen != null) {
                for (String c : named) {
                    out.add(new Cue(c, chosen.lean(), chosen.cue()));
                }
            }
        }
        return out;
    }

    /** A one-word cue is a word of the text; a longer one must appear as whole words, in order. */
    private static boolean has(String cue, java.util.Set<String> words, String padded) {
        int space = cue.indexOf(' ');
        if (space < 0) {
            return words.contains(cue);
        }
        return words.contains(cue.substring(0, space)) && padded.contains(" " + cue + " ");
    }

    private static String padded(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append(' ');
        boolean space = true;
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        if (!space) {
            b.append(' ');
        }
        return b.toString();
    }
}
