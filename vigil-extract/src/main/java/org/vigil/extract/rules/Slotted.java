package org.vigil.extract.rules;

import org.vigil.extract.gazetteer.Mention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence with every actor and candidate mention replaced by a slot ({@code ⟦a0⟧}, {@code ⟦c1⟧}),
 * so cue patterns can talk about "a candidate right after the cue" or "a list of actors" without
 * re-matching names. Keeps the map from slotted offsets back to sentence offsets.
 */
final class Slotted {
    private static final Pattern SLOT = Pattern.compile("⟦([ac])(\\d+)⟧");
    /** What may sit between list members: "Cuba, Venezuela and Iran", "Biden and Sanders". */
    private static final String LIST_GLUE = "(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|&)\\s+)(?:(?:both|former|president|vice|u\\.s\\.|us|then-\\w+|democrat|republican|democratic|republican|presidential|candidate|nominee|senator|sen\\.|governor|gov\\.)\\s+)*";

    /** Between two actor slots, a title that joins a state to its officeholder: "⟦a⟧ Prime Minister ⟦a⟧", "⟦a⟧'s President ⟦a⟧". */
    private static final String TITLE_GLUE = "(?:(?:[’']s)?\\s+(?:prime\\s+minister|president|premier|chancellor|king|queen|crown\\s+prince|emir|supreme\\s+leader|leader"
            + "|foreign\\s+minister|defen[cs]e\\s+minister|ambassador|spokes(?:man|woman|person))\\s+)";
    /** "his 2016 opponent, ⟦c⟧": the rival is named after the comma. */
    private static final Pattern APPOSED_RIVAL = Pattern.compile(
            "^[^,;:()\"“”⟦]{0,40}?\\b(?:opponent|rival|challenger|running\\s+mate)\\s*,\\s*⟦c(\\d+)⟧", Pattern.CASE_INSENSITIVE);

    private static final Pattern RIVAL_OF = Pattern.compile("^[’']s?\\s+(?:\\w+\\s+)?(?:challenger|rival|opponent|running\\s+mate|adversary|competitor)\\b",
            Pattern.CASE_INSENSITIVE);

    final String text;
    private final List<Mention> actors;
    private final List<Mention> candidates;
    private final List<int[]> slots = new ArrayList<>(); // slotted start, slotted end, sentence start, sentence end

    private Slotted(String text, List<Mention> actors, List<Mention> candidates, List<int[]> slots) {
        this.text = text;
        this.actors = actors;
        this.candidates = candidates;
        this.slots.addAll(slots);
    }

    static Slotted of(SentenceContext s) {
        List<Object[]> all = new ArrayList<>();
        for (int i = 0; i < s.actors().size(); i++) {
            all.add(new Object[]{s.actors().get(i), "a" + i});
        }
        for (int i = 0; i < s.candidates().size(); i++) {
            Mention c = s.candidates().get(i);
            boolean overlaps = s.actors().stream().anyMatch(a -> c.start() < a.end() && c.end() > a.start());
            if (!overlaps) {
                all.add(new Object[]{c, "c" + i});
            }
        }
        all.sort(Comparator.comparingInt(o -> ((Mention) o[0]).start()));
        StringBuilder sb = new StringBuilder();
        List<int[]> slots = new ArrayList<>();
        String src = s.text();
        int pos = 0;
        for (Object[] o : all) {
            Mention m = (Mention) o[0];
            if (m.start() < pos) {
                continue;
            }
            sb.append(src, pos, m.start());
            int ss = sb.length();
            sb.append('⟦').append(o[1]).append('⟧');
            slots.add(new int[]{ss, sb.length(), m.start(), m.end()});
            pos = m.end();
        }
        sb.append(src.substring(pos));
        return new Slotted(sb.toString(), s.actors(), s.candidates(), slots);
    }

    boolean insideSlot(int p) {
        return slots.stream().anyMatch(sl -> p > sl[0] && p < sl[1]);
    }

    int toSentenceOffset(int p) {
        int shift = 0;
        for (int[] sl : slots) {
            if (sl[1] <= p) {
                shift = sl[3] - sl[1];
            } else if (sl[0] <= p) {
                return sl[2];
            }
        }
        return p + shift;
    }

    /** Where the first slot at or after {@code from} starts (the text's length when there is none). */
    int nextSlotStart(int from) {
        for (int[] sl : slots) {
            if (sl[0] >= from) {
                return sl[0];
            }
        }
        return text.length();
    }

    int startOf(Mention m) {
        for (int[] sl : slots) {
            if (sl[2] == m.start()) {
                return sl[0];
            }
        }
        return 0;
    }

    int endOf(Mention m) {
        for (int[] sl : slots) {
            if (sl[2] == m.start()) {
                return sl[1];
            }
        }
        return text.length();
    }

    private Mention mentionOf(Matcher slot) {
        int i = Integer.parseInt(slot.group(2));
        return slot.group(1).equals("a") ? actors.get(i) : candidates.get(i);
    }

    /** The candidate right after {@code from} (up to {@code reach} characters of plain words away) and any listed with it. */
    List<Mention> candidateListAfter(int from, int reach) {
        return listAfter(from, reach, 'c');
    }

    List<Mention> actorListAfter(int from, int reach) {
        return listAfter(from, reach, 'a');
    }

    private List<Mention> listAfter(int from, int reach, char kind) {
        // a closing quote right after the cue ends a scare-quoted word ("“prefers” Trump"), not a quotation
        Pattern first = Pattern.compile("^[”\"]?[^,;:()\"“”⟦]{0," + reach + "}?⟦" + kind + "(\\d+)⟧");
        Matcher m = first.matcher(text.substring(from));
        List<Mention> out = new ArrayList<>();
        if (!m.find()) {
            Matcher apposed = APPOSED_RIVAL.matcher(text.substring(from));
            if (kind == 'c' && apposed.find() && apposed.start(1) <= reach + 30) {
                out.add(candidates.get(Integer.parseInt(apposed.group(1)))); // "would have preferred his opponent, X"
            }
            return out;
        }
        int at = from + m.end();
        Matcher rival = RIVAL_OF.matcher(text.substring(at));
        if (kind == 'c' && rival.find()) {
            // "Trump's rival, the Democrat": the target is the rival, named next if at all
            Matcher named = Pattern.compile("^[^;:()⟦]{0,30}?⟦c(\\d+)⟧").matcher(text.substring(at + rival.end()));
            if (!named.find()) {
                return out;
            }
            out.add(candidates.get(Integer.parseInt(named.group(1))));
            return out;
        }
        out.add(kind == 'a' ? actors.get(Integer.parseInt(m.group(1))) : candidates.get(Integer.parseInt(m.group(1))));
        Pattern next = Pattern.compile("^(?:[’']s?\\s+\\w+)?" + (kind == 'a' ? "(?:" + LIST_GLUE + "|" + TITLE_GLUE + ")" : LIST_GLUE)
                + "⟦" + kind + "(\\d+)⟧", Pattern.CASE_INSENSITIVE);
        while (true) {
            Matcher n = next.matcher(text.substring(at));
            if (!n.find()) {
                break;
            }
            out.add(kind == 'a' ? actors.get(Integer.parseInt(n.group(1))) : candidates.get(Integer.parseInt(n.group(1))));
            at += n.end();
        }
        return ClaimRules.dedupeByValue(out);
    }

    List<Mention> candidateListBefore(int to, int reach) {
        return listBefore(to, reach, 'c');
    }

    /** The nearest actor before {@code to} (within {@code reach}) and the actors listed with it ("China and Iran"). */
    List<Mention> actorListBefore(int to, int reach) {
        return listBefore(to, reach, 'a');
    }

    private List<Mention> listBefore(int to, int reach, char kind) {
        List<int[]> found = new ArrayList<>();
        Matcher m = SLOT.matcher(text.substring(0, to));
        while (m.find()) {
            if (m.group(1).charAt(0) == kind) {
                found.add(new int[]{m.start(), m.end(), Integer.parseInt(m.group(2))});
            }
        }
        List<Mention> out = new ArrayList<>();
        if (found.isEmpty()) {
            return out;
        }
        int[] last = found.get(found.size() - 1);
        if (to - last[1] > reach) {
            return out;
        }
        out.add(0, kind == 'a' ? actors.get(last[2]) : candidates.get(last[2]));
        Pattern glue = Pattern.compile("^(?:[’']s)?" + (kind == 'a' ? "(?:" + LIST_GLUE + "|" + TITLE_GLUE + ")" : LIST_GLUE) + "$",
                Pattern.CASE_INSENSITIVE);
        for (int i = found.size() - 2; i >= 0; i--) {
            int[] prev = found.get(i);
            int[] cur = found.get(i + 1);
            if (!glue.matcher(text.substring(prev[1], cur[0])).find()) {
                break;
            }
            out.add(0, kind == 'a' ? actors.get(prev[2]) : candidates.get(prev[2]));
        }
        return ClaimRules.dedupeByValue(out);
    }

    private static final Pattern PASSED_OVER = Pattern.compile(
            "^[’']?s?\\s*(?:,\\s*)?(?:over|rather\\s+than|instead\\s+of)\\s+(?:[\\w.-]+\\s+){0,4}?⟦c(\\d+)⟧", Pattern.CASE_INSENSITIVE);

    private static final Pattern PASSED_OVER_TO = Pattern.compile(
            "^[’']?s?\\s*(?:,\\s*)?to\\s+(?:(?:mr|ms|mrs|former|president|vice|senator)\\.?\\s+){0,3}⟦c(\\d+)⟧", Pattern.CASE_INSENSITIVE);

    /**
     * "prefers Harris over Trump" (and, for {@code prefer}, "preferred Biden to Trump"): the candidates
     * named as not preferred right after a preferred one.
     */
    List<Mention> candidatesPassedOver(int from, boolean preferTo) {
        Matcher m = PASSED_OVER.matcher(text.substring(from));
        if (preferTo && !m.find()) {
            m = PASSED_OVER_TO.matcher(text.substring(from));
        } else {
            m.reset();
        }
        if (!m.find()) {
            return List.of();
        }
        return candidateListAfter(from + m.start(1) - 2, 2);
    }

    Mention lastCandidateBefore(int to) {
        Mention last = null;
        Matcher m = SLOT.matcher(text.substring(0, to));
        while (m.find()) {
            if (m.group(1).equals("c")) {
                last = mentionOf(m);
            }
        }
        return last;
    }

    /** For a no-preference cue: the actors just before it, else the first actor after it. */
    List<Mention> actorsNear(int at) {
        List<Mention> before = actorListBefore(at, 200);
        if (!before.isEmpty()) {
            return before;
        }
        return actorListAfter(at, 200);
    }
}
