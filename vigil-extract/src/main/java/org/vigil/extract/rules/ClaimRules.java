package org.vigil.extract.rules;

import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.nlp.ParsedSentence;
import org.vigil.extract.nlp.Token;
import org.vigil.model.Basis;
import org.vigil.model.Stance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence-level rules for preference claims. A cue (wants X to win, roots for, prefers, backs,
 * boon for, helps, denigrates, undermines, works against, no clear preference, ...) anchors the rule;
 * the holder is the cue's grammatical subject when the parse shows one among the actor mentions,
 * otherwise the nearest actor (or list of actors) before the cue; the target is the candidate (or
 * list) the cue governs, normally right after it.
 */
public final class ClaimRules {
    /** Where the target sits relative to the cue. */
    private enum Side { AFTER, BEFORE, NONE }

    private record Cue(String name, Pattern pattern, Stance stance, Basis basis, Side targetSide, int reach, Pattern after) {
    }

    private static final Pattern WIN_AFTER = Pattern.compile(
            "^[\\s’'s]*(?:(?:were|was)\\s+)?(?:to\\s+)?(?:win|back|return|(?:defeat|beat|unseat|oust)\\s+(?:him|her|them|⟦c\\d+⟧|the\\s+(?:incumbent|president))|be\\s+(?:re-?)?elected|(?:re-?)?elected|reelected|victory|in the white house"
                    + "|as (?:the )?(?:next )?(?:us |u\\.s\\. )?(?:president|potus)|over|rather than|to be president|become president"
                    + "|(?:will|would|could)\\s+win|wins\\b|is\\s+(?:re-?)?elected)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_WIN_AFTER = Pattern.compile(
            "^[^.;]{0,30}?\\b(?:is|be|was|were|gets?)?\\s*(?:not|n['’]t|never)\\s+(?:be\\s+)?(?:re-?elected|reelected|elected|win|returns?|victorious)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern LOSE_AFTER = Pattern.compile(
            "^[\\s’'s]*(?:to\\s+)?(?:lose|be\\s+defeated|defeated|out\\s+of\\s+(?:office|power|the\\s+white\\s+house)|ousted|gone|fail)",
            Pattern.CASE_INSENSITIVE);

    private static final List<Cue> CUES = List.of(
            cue("want", "want(?:s|ed|ing)?(?:\\s+to\\s+see)?|would\\s+(?:like|love|prefer)\\s+to\\s+see|like\\s+to\\s+see|hop(?:e|es|ed|ing)(?:\\s+to\\s+see|\\s+that)?",
                    Stance.FAVORS, null, Side.AFTER, 40, WIN_AFTER),
            cue("root", "root(?:s|ed|ing)?\\s+for(?:\\s+the\\s+(?:return|victory|re-?election|election)\\s+of)?", Stance.FAVORS, null, Side.AFTER, 45, null),
            cue("prefer", "prefer(?:s|red|ring)?|(?:clear\\s+|strong\\s+)?preference\\s+for", Stance.FAVORS, null, Side.AFTER, 60, null),
            cue("favor", "favou?r(?:s|ed|ing)?|in\\s+favou?r\\s+of", Stance.FAVORS, null, Side.AFTER, 40, null),
            cue("support", "support(?:s|ed|ing)?|support\\s+for|supportive\\s+of", Stance.FAVORS, null, Side.AFTER, 45, null),
            cue("back", "back(?:s|ed|ing)?", Stance.FAVORS, null, Side.AFTER, 30, null),
            cue("endorse", "endors(?:e|es|ed|ing|ement)(?:\\s+of)?", Stance.FAVORS, Basis.STATEMENT, Side.AFTER, 45, null),
            cue("give-endorsement", "(?:give|gives|gave|given|giving)(?=\\s+(?:the\\s+)?(?:[\\w.-]+\\s+){0,4}⟦c\\d+⟧[^.;]{0,30}?\\bendorsement)",
                    Stance.FAVORS, Basis.STATEMENT, Side.AFTER, 50, null),
            cue("help", "help(?:s|ed|ing)?(?:\\s+to)?(?:\\s+(?:re-?)?elect)?|boost(?:s|ed|ing)?(?:\\s+the\\s+(?:chances|campaign|candidacy|prospects)\\s+of)?"
                    + "|aid(?:s|ed|ing)?|benefit(?:s|ed|ing)?|bolster(?:s|ed|ing)?|promot(?:e|es|ed|ing)",
                    Stance.FAVORS, Basis.OPERATION, Side.AFTER, 50, null),
            cue("pro", "pro-(?=⟦c)", Stance.FAVORS, Basis.OPERATION, Side.AFTER, 2, null),
            cue("anti", "anti-(?=⟦c)", Stance.OPPOSES, Basis.OPERATION, Side.AFTER, 2, null),
            cue("favoured-candidate", "(?:favou?red|preferred|chosen|favou?rite)\\s+(?:presidential\\s+)?(?:candidate|contender|nominee)\\s*,?\\s*(?:is\\s+|was\\s+)?",
                    Stance.FAVORS, null, Side.AFTER, 10, null),
            cue("on-behalf", "on\\s+behalf\\s+of|in\\s+support\\s+of|to\\s+(?:re-?)?elect", Stance.FAVORS, Basis.OPERATION, Side.AFTER, 30, null),
            cue("wish", "wish(?:ed|es)?\\s+(?:him|her)\\s+(?:success|luck|victory)", Stance.FAVORS, Basis.STATEMENT, Side.BEFORE, 60, null),
            cue("boon", "(?:would|will|is|was)\\s+(?:still\\s+)?(?:be\\s+)?(?:a\\s+)?(?:boon|good\\s+news|beneficial|welcome)\\s+(?:for|to)"
                    + "|(?:would|will|is|was)\\s+(?:still\\s+)?(?:be\\s+)?(?:the\\s+|a\\s+)?(?:best|better|good|great|positive)(?:\\s+\\w+)?\\s+for",
                    Stance.FAVORS, null, Side.BEFORE, 70, null),
            cue("bane", "(?:would|will|is|was)\\s+(?:still\\s+)?(?:be\\s+)?(?:the\\s+|a\\s+)?(?:worst|worse|bad|disaster|disastrous|nightmare|bad\\s+news)(?:\\s+\\w+)?\\s+for",
                    Stance.OPPOSES, null, Side.BEFORE, 70, null),
            cue("better-if", "(?:would|will|is)\\s+(?:still\\s+)?(?:be\\s+)?(?:the\\s+|a\\s+|much\\s+|far\\s+)?(?:better|best|good|great|positive)(?:\\s+for\\s+[^.;]{1,60}?)?\\s+if",
                    Stance.FAVORS, null, Side.AFTER, 12, WIN_AFTER),
            cue("worse-if", "(?:would|will|is)\\s+(?:still\\s+)?(?:be\\s+)?(?:the\\s+|a\\s+|much\\s+|far\\s+)?(?:worse|worst|bad|disaster|disastrous|catastroph\\w+)(?:\\s+for\\s+[^.;]{1,60}?)?\\s+if",
                    Stance.OPPOSES, null, Side.AFTER, 12, WIN_AFTER),
            cue("welcome", "welcom(?:e|es|ed|ing)\\s+(?:a\\s+|an\\s+|the\\s+)?(?=⟦c\\d+⟧[’'s\\s]*(?:win|victory|presidency|return|re-?election|election|second\\s+term))"
                    + "|(?:wish(?:es|ed)?|hop(?:e|es|ed|ing))\\s+for\\s+(?:a\\s+|an\\s+)?(?=⟦c\\d+⟧[’'s\\s]*(?:win|victory|re-?election|second\\s+term))"
                    + "|(?:cheer(?:s|ed|ing)?|pull(?:s|ed|ing)?|bet(?:s|ting)?|count(?:s|ed|ing)?)\\s+(?:for|on)",
                    Stance.FAVORS, null, Side.AFTER, 30, null),
            cue("deserve", "deserv(?:e|es|ed|ing)\\s+(?:to\\s+(?:be\\s+)?(?:re-?elected|reelected|elected|win|return|victory)|(?:another|a\\s+second)\\s+term|re-?election|to\\s+be\\s+president)",
                    Stance.FAVORS, null, Side.BEFORE, 20, null),
            cue("best-option", "(?:is|was|would\\s+be|remains?)\\s+(?:seen\\s+as\\s+)?(?:the\\s+|a\\s+)?(?:(?:his|her|their|its|the)\\s+(?:country|government|nation|leadership|regime)[’']s\\s+)?[\"“]?"
                    + "(?:more\\s+promising|most\\s+promising|better|best|preferred|preferable|favou?red|ideal|safer)[\"”]?\\s+(?:option|choice|candidate|bet|partner)",
                    Stance.FAVORS, null, Side.BEFORE, 25, null),
            cue("cheer-win", "(?:cheer(?:s|ed|ing)?|celebrat(?:e|es|ed|ing|ion|ions)|rejoic(?:e|es|ed|ing)|jubila(?:nt|tion)|elat(?:ed|ion)|toast(?:s|ed|ing)?)"
                    + "(?=[^.;⟦]{0,40}?⟦c\\d+⟧[’'s\\s]*(?:win|won|victory|triumph|return|re-?election|election\\s+win))",
                    Stance.FAVORS, null, Side.AFTER, 45, null),
            cue("behind", "(?:weight|support|backing|resources|muscle)\\s+behind|(?:get|got|gets|getting|line|lined|lining|rall(?:y|ied|ying))\\s+(?:up\\s+)?behind",
                    Stance.FAVORS, null, Side.AFTER, 30, null),
            cue("defeat", "(?:the\\s+)?defeat(?:ed|ing)?(?:\\s+of)?", Stance.OPPOSES, null, Side.AFTER, 30, null),
            cue("fear", "(?:fear(?:s|ed)?|dread(?:s|ed)?|wary\\s+of|worried\\s+about|alarmed\\s+by)\\s+(?:a\\s+|an\\s+|the\\s+)?(?=⟦c\\d+⟧[’'s\\s]*(?:win|victory|presidency|return|re-?election|second\\s+term|administration))",
                    Stance.OPPOSES, null, Side.AFTER, 4, null),
            cue("oppose", "oppos(?:e|es|ed|ing)(?:\\s+to)?|opposition\\s+to", Stance.OPPOSES, null, Side.AFTER, 40, null),
            cue("hurt", "hurt(?:s|ing)?|harm(?:s|ed|ing)?|damag(?:e|es|ed|ing)|denigrat(?:e|es|ed|ing)|undermin(?:e|es|ed|ing)"
                    + "|tarnish(?:es|ed|ing)?|disparag(?:e|es|ed|ing)|discredit(?:s|ed|ing)?|smear(?:s|ed|ing)?|weaken(?:s|ed|ing)?"
                    + "|sabotag(?:e|es|ed|ing)|attack(?:s|ed|ing)?(?:\\s+on)?|portray(?:s|ed|ing)?",
                    Stance.OPPOSES, Basis.OPERATION, Side.AFTER, 45, null),
            cue("against", "(?:campaigns?|operations?|efforts?|interfer\\w*|race|work(?:s|ed|ing)?|influence|plots?|meddl\\w*|tip\\w*\\s+the\\s+\\w+)"
                    + "(?:\\s+(?!(?:but|while|whereas|although|because|since)\\b)\\S+){0,8}?\\s+against", Stance.OPPOSES, Basis.OPERATION, Side.AFTER, 40, null),
            cue("adversary", "(?:sees?|saw|views?|viewed|regards?|regarded|considers?|considered)\\s+(?=⟦c\\d+⟧[’'s\\s]*as\\s+(?:an?\\s+)?(?:\\w+\\s+)?(?:adversary|enemy|threat|foe))",
                    Stance.OPPOSES, null, Side.AFTER, 4, null),
            cue("false-about", "(?:disinformation|misinformation|misleading\\s+information|false\\s+(?:claims|allegations|stories|information|narratives)"
                    + "|fake\\s+videos?|deepfakes?(?:\\s+videos?)?|fabricated\\s+videos?|(?:derogatory|disparaging|unflattering)\\s+(?:information|material|stories|content))(?:\\s+\\S+){0,3}?\\s+(?:about|of|targeting|against|on)",
                    Stance.OPPOSES, Basis.OPERATION, Side.AFTER, 30, null),
            cue("no-preference", "(?:not|n['’]t|never)\\s+(?:\\w+\\s+){0,3}?(?:favou?r(?:ing|s|ed)?|back(?:ing|s|ed)?|support(?:ing|s|ed)?|prefer(?:ring|s|red)?)\\s+(?:either|one\\s+(?:candidate|side|party)|any\\s+(?:candidate|side|party))"
                    + "|(?:no|not\\s+(?:\\w+\\s+){0,3}?an?)\\s+(?:clear\\s+|particular\\s+)?preference\\s+(?:between|for\\s+either)|neither\\s+(?:candidate|side|party)|favou?r(?:s|ing)?\\s+neither|"
                    + "no\\s+(?:clear\\s+)?preference|(?:does|do|did)\\s+not\\s+(?:plan|intend|seek|want)\\s+to\\s+interfere"
                    + "|not\\s+(?:\\w+\\s+)?seeking\\s+to\\s+influence|(?:ready|willing|able|prepared)\\s+to\\s+work\\s+with\\s+(?:whoever|whomever|any|the\\s+winner)"
                    + "|no\\s+matter\\s+(?:who|what\\s+administration|which)|whoever\\s+(?:he\\s+or\\s+she|wins)|do(?:es)?\\s+not\\s+care",
                    Stance.NONE, null, Side.NONE, 0, null));

    private static Cue cue(String name, String regex, Stance stance, Basis basis, Side side, int reach, Pattern after) {
        return new Cue(name, Pattern.compile("(?<![\\p{L}])(?:" + regex + ")(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                stance, basis, side, reach, after);
    }

    private static final Pattern POLL = Pattern.compile("(?<![\\p{L}])(?:poll(?:s|ed|ing|ster\\w*)?|surve\\w*|respondents|percent|per\\s+cent)(?![\\p{L}])|\\d\\s?%",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_OF = Pattern.compile("(?:%|percent|majority|most|many|half|thirds?|quarters?|fifths?)\\s+of\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE);
    /** A preference asked about, not asserted: "whether Beijing would prefer". */
    private static final Pattern WHETHER_BEFORE = Pattern.compile("(?<![\\p{L}])whether\\s+(?:\\S+\\s+){0,4}$", Pattern.CASE_INSENSITIVE);
    /** Declining to act is no stance: "declined to endorse", "refused to back". */
    private static final Pattern REFUSED_BEFORE = Pattern.compile("(?<![\\p{L}])(?:declin|refus|reluctan)\\w*\\s+to\\s+(?:\\w+\\s+)?$", Pattern.CASE_INSENSITIVE);
    /** A frame that denies what follows: "it is not right to say that", "it is untrue that". */
    private static final Pattern DENIAL_FRAME = Pattern.compile("(?<![\\p{L}])(?:(?:not|n['’]t)\\s+(?:be\\s+)?(?:right|true|correct|accurate|fair)\\s+(?:to\\s+(?:say|claim|suggest|assume)|that)"
            + "|(?:untrue|false|wrong|nonsense|absurd|baseless)\\s+(?:to\\s+(?:say|claim|suggest)\\s+)?that)(?:\\s+\\S+){0,5}\\s*$", Pattern.CASE_INSENSITIVE);
    /** Between a helping word and its candidate, a word that turns the help against them. */
    private static final Pattern DEFEAT_BETWEEN = Pattern.compile("(?<![\\p{L}])(?:defeat\\w*|beat|oust\\w*|unseat\\w*|topple\\w*|against|undermin\\w*|hurt\\w*|damag\\w*)(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);
    /** An object pronoun right after a cue: "hopes to see her lose". */
    private static final Pattern PRONOUN_OBJECT = Pattern.compile("\\s+(him|her)\\b", Pattern.CASE_INSENSITIVE);
    /** The candidates of {@code candidates.tsv} that news refers to as "her" (every other person is "him"). */
    private static final Set<String> SHE = Set.of("harris", "clinton", "haley", "stein");
    /** "those who back X include A and B": the holders follow the clause. */
    private static final Pattern RELATIVE_BEFORE = Pattern.compile("(?<![\\p{L}])(?:who|that)\\s+(?:\\w+\\s+){0,2}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INCLUDE_AFTER = Pattern.compile("^[^.;⟦]{0,40}?(?<![\\p{L}])(?:include[sd]?|including|are|were)\\s+", Pattern.CASE_INSENSITIVE);
    /** Cues whose holder usually follows them ("a boon for Moscow"), not precedes them. */
    private static final Set<String> HOLDER_AFTER_CUES = Set.of("boon", "bane", "best-option");
    /** Cues whose holder is named in their own "for ..." part ("better for Hungary if X wins"). */
    private static final Set<String> HOLDER_IN_FOR_CUES = Set.of("better-if", "worse-if");
    private static final Pattern PRONOUN_SUBJECT = Pattern.compile("(?<![\\p{L}])(?:he|she|it|they)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION_WORD = Pattern.compile("\\b(?:not|never|no|n['’]t|neither|nor)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * True when the dependency parse could change what this sentence yields: a cue occurs, and either
     * several states are named (whose is the subject?) or a negation is present (does it reach the
     * cue?). Parsing costs tens of milliseconds a sentence, so the rest go without.
     */
    public boolean needsParse(SentenceContext s) {
        boolean severalStates = dedupeByValue(s.actors()).size() > 1;
        return (severalStates || NEGATION_WORD.matcher(s.text()).find()) && anyCue(s);
    }

    /** The names of every cue family found in the sentence (with its mentions as slots): features for the model. */
    public static java.util.Set<String> cuesIn(SentenceContext s) {
        String t = Slotted.of(s).text;
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Cue cue : CUES) {
            if (cue.pattern.matcher(t).find()) {
                out.add(cue.name);
            }
        }
        return out;
    }

    /** The names of the cue families, in a fixed order. */
    public static List<String> cueNames() {
        return CUES.stream().map(Cue::name).toList();
    }

    private boolean anyCue(SentenceContext s) {
        String t = Slotted.of(s).text;
        for (Cue cue : CUES) {
            if (cue.pattern.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The claims one sentence makes. {@code fallbackHolder} is the article's main foreign actor, used only
     * for a no-preference cue in a sentence that names no actor ("the foreign ministry's spokesman said ...").
     */
    public List<ClaimCandidate> apply(SentenceContext s, String fallbackHolder) {
        return apply(s, fallbackHolder, null);
    }

    /**
     * As {@link #apply(SentenceContext, String)}; {@code previousHolder} is the single state named in the
     * sentence before, the holder of a sentence that names none and speaks of it as "he", "she",
     * "it" or "they" ("In February, he told an interviewer that he preferred Mr. Biden").
     */
    public List<ClaimCandidate> apply(SentenceContext s, String fallbackHolder, String previousHolder) {
        if (s.candidates().isEmpty() && s.actors().isEmpty()) {
            return List.of();
        }
        Slotted slotted = Slotted.of(s);
        String t = slotted.text;
        List<ClaimCandidate> out = new ArrayList<>();
        for (Cue cue : CUES) {
            Matcher m = cue.pattern.matcher(t);
            while (m.find()) {
                if (slotted.insideSlot(m.start())) {
                    continue;
                }
                String before = t.substring(Math.max(0, m.start() - 40), m.start());
                if (cue.stance != Stance.NONE && (WHETHER_BEFORE.matcher(before).find() || REFUSED_BEFORE.matcher(before).find()
                        || DENIAL_FRAME.matcher(t.substring(Math.max(0, m.start() - 70), m.start())).find())) {
                    continue; // "asked whether Beijing would prefer ...", "it is not true that Moscow wants ...": no claim is made
                }
                boolean negated = Lexicon.NEGATION_BEFORE.matcher(before).find() || depNegated(s, slotted, m.start());
                if (cue.stance == Stance.NONE) {
                    List<Mention> holders = slotted.actorsNear(m.start());
                    if (holders.isEmpty() && fallbackHolder != null && s.actors().isEmpty()) {
                        out.add(new ClaimCandidate(fallbackHolder, "*", Stance.NONE, basisFor(s, fallbackHolder, null), hedged(s), null, s));
                    }
                    for (Mention h : holders) {
                        out.add(new ClaimCandidate(h.value(), "*", Stance.NONE, basisFor(s, h.value(), null), hedged(s), h.text(), s));
                    }
                    continue;
                }
                List<Mention> targets = targets(slotted, cue, m);
                Stance stance = cue.stance;
                if (targets.isEmpty() && cue.stance == Stance.FAVORS && cue.targetSide == Side.AFTER) {
                    targets = dispreferred(slotted, m);
                    stance = Stance.OPPOSES;
                }
                int targetEnd = targets.isEmpty() ? -1 : slotted.endOf(targets.get(targets.size() - 1));
                if (targets.isEmpty() && cue.targetSide == Side.AFTER) {
                    Matcher pronoun = PRONOUN_OBJECT.matcher(t).region(m.end(), t.length());
                    Mention prior = pronoun.lookingAt() ? slotted.lastCandidateBefore(m.start()) : null;
                    if (prior != null && SHE.contains(prior.value()) == pronoun.group(1).equalsIgnoreCase("her")
                            && t.substring(slotted.endOf(prior), m.start()).contains("⟦a")) { // the holder stands between: "X says Y wants him"
                        targets = List.of(prior); // "Biden says Tehran hopes to see him lose"
                        stance = cue.stance;
                        targetEnd = pronoun.end();
                    }
                }
                if (targets.isEmpty()) {
                    continue;
                }
                if (stance == Stance.FAVORS && cue.targetSide == Side.AFTER
                        && DEFEAT_BETWEEN.matcher(t.substring(m.end(), Math.max(m.end(), slotted.startOf(targets.get(0))))).find()) {
                    stance = Stance.OPPOSES; // "helped defeat X", "backed efforts to unseat X"
                }
                if (cue.after != null || stance == Stance.FAVORS && cue.targetSide == Side.AFTER) {
                    String rest = t.substring(targetEnd);
                    if (NOT_WIN_AFTER.matcher(rest).find() || LOSE_AFTER.matcher(rest).find()) {
                        stance = Stance.OPPOSES; // "prefers Trump not win", "backs Biden to lose"
                    } else if (cue.after != null && !cue.after.matcher(rest).find()) {
                        continue;
                    }
                }
                if (negated) {
                    if (stance != Stance.FAVORS || cue.basis == Basis.STATEMENT) {
                        continue; // "does not oppose" is not support; "declined to endorse" is no stance
                    }
                    stance = Stance.OPPOSES;
                }
                List<Mention> holders = relativeHolders(slotted, m, targetEnd);
                if (holders.isEmpty()) {
                    holders = withoutPublics(s, holders(s, slotted, cue, m));
                }
                List<Mention> passedOver = stance == Stance.FAVORS && cue.targetSide == Side.AFTER
                        ? slotted.candidatesPassedOver(targetEnd, cue.name.equals("prefer")) : List.of();
                if (holders.isEmpty() && s.actors().isEmpty() && previousHolder != null
                        && PRONOUN_SUBJECT.matcher(slotted.text.substring(0, m.start())).find()
                        && !insideQuotation(slotted.text, m.start())) {
                    for (Mention c : targets) {
                        out.add(new ClaimCandidate(previousHolder, c.value(), stance, basisFor(s, previousHolder, cue.basis), hedged(s), null, s));
                    }
                    for (Mention c : passedOver) {
                        out.add(new ClaimCandidate(previousHolder, c.value(), Stance.OPPOSES, basisFor(s, previousHolder, cue.basis), hedged(s), null, s));
                    }
                    continue;
                }
                for (Mention h : holders) {
                    for (Mention c : passedOver) {
                        out.add(new ClaimCandidate(h.value(), c.value(), Stance.OPPOSES, basisFor(s, h.value(), cue.basis), hedged(s), h.text(), s));
                    }
                }
                if (holders.isEmpty() && s.actors().isEmpty() && cue.basis == Basis.OPERATION && fallbackHolder != null) {
                    // "the accused men set out to weaken Trump's campaign" in an article about one state
                    for (Mention c : targets) {
                        out.add(new ClaimCandidate(fallbackHolder, c.value(), stance, Basis.OPERATION, hedged(s), null, s));
                    }
                    continue;
                }
                for (Mention h : holders) {
                    for (Mention c : targets) {
                        out.add(new ClaimCandidate(h.value(), c.value(), stance, basisFor(s, h.value(), cue.basis), hedged(s), h.text(), s));
                    }
                }
            }
        }
        return withoutStancesNeutralised(out);
    }

    /**
     * A state's public is not the state: in a sentence about a poll, "two-thirds of Germans" or
     * "Israelis" (a people named in the plural) hold an opinion, not a government's preference.
     */
    private static List<Mention> withoutPublics(SentenceContext s, List<Mention> holders) {
        if (holders.isEmpty() || !POLL.matcher(s.text()).find()) {
            return holders;
        }
        List<Mention> out = new ArrayList<>();
        for (Mention h : holders) {
            String before = s.text().substring(Math.max(0, h.start() - 12), h.start());
            boolean people = h.kind().equals("state") && (h.text().endsWith("s") || PART_OF.matcher(before).find());
            if (!people) {
                out.add(h);
            }
        }
        return out;
    }

    /** The holders of a relative clause, named after it: "those who back Trump include Orban". */
    private static List<Mention> relativeHolders(Slotted slotted, Matcher m, int targetEnd) {
        String t = slotted.text;
        if (!RELATIVE_BEFORE.matcher(t.substring(Math.max(0, m.start() - 30), m.start())).find()) {
            return List.of();
        }
        Matcher include = INCLUDE_AFTER.matcher(t.substring(targetEnd));
        return include.find() ? slotted.actorListAfter(targetEnd + include.end(), 50) : List.of();
    }

    /** True when an opening quotation mark before {@code at} is not closed before it: the words are someone's quote. */
    private static boolean insideQuotation(String text, int at) {
        int open = 0;
        for (int i = 0; i < at; i++) {
            char ch = text.charAt(i);
            if (ch == '“') {
                open++;
            } else if (ch == '”') {
                open = Math.max(0, open - 1);
            } else if (ch == '"') {
                open = open > 0 ? open - 1 : open + 1;
            }
        }
        return open > 0;
    }

    /** A sentence that says a holder has no clear preference does not also make it favour or oppose someone. */
    private static List<ClaimCandidate> withoutStancesNeutralised(List<ClaimCandidate> found) {
        java.util.Set<String> neutral = new java.util.HashSet<>();
        for (ClaimCandidate c : found) {
            if (c.stance() == Stance.NONE) {
                neutral.add(c.holder());
            }
        }
        if (neutral.isEmpty()) {
            return found;
        }
        List<ClaimCandidate> out = new ArrayList<>();
        for (ClaimCandidate c : found) {
            if (c.stance() == Stance.NONE || !neutral.contains(c.holder())) {
                out.add(c);
            }
        }
        return out;
    }

    /** "prefer her over X", "favour Harris rather than X": X is the candidate not preferred. */
    private static List<Mention> dispreferred(Slotted slotted, Matcher m) {
        List<Mention> list = slotted.candidateListAfter(m.end(), 80);
        if (list.isEmpty()) {
            return list;
        }
        String gap = slotted.text.substring(m.end(), Math.max(m.end(), slotted.startOf(list.get(0))));
        Matcher over = OVER_GAP.matcher(gap);
        if (!over.find() || BAD_GAP.matcher(gap.substring(over.end())).find()) {
            return List.of();
        }
        return list;
    }

    private static boolean depNegated(SentenceContext s, Slotted slotted, int cueStartInSlotted) {
        ParsedSentence p = s.parse();
        if (p == null) {
            return false;
        }
        Token tok = p.tokenAt(slotted.toSentenceOffset(cueStartInSlotted));
        return tok != null && p.negated(tok, 2);
    }

    /** Words between a cue and its candidate that mean the candidate is not the one the cue is about. */
    private static final Pattern BAD_GAP = Pattern.compile(
            "\\b(?:since|because|while|whereas|although|but|when|after|before|unless|rival|opponent|challenger|adversarial|alternative|candidate\\s+to|than)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A gap ending in "his opponent, ": the candidate named next is that opponent, not a contrast. */
    private static final Pattern APPOSED_GAP = Pattern.compile("\\b(?:opponent|rival|challenger|running\\s+mate)\\s*,\\s*$", Pattern.CASE_INSENSITIVE);
    /** "prefer her over Trump": the candidate after these words is the one not preferred. */
    private static final Pattern OVER_GAP = Pattern.compile("\\b(?:over|rather\\s+than|instead\\s+of)\\b", Pattern.CASE_INSENSITIVE);

    private static List<Mention> targets(Slotted slotted, Cue cue, Matcher m) {
        if (cue.targetSide == Side.AFTER) {
            List<Mention> list = slotted.candidateListAfter(m.end(), cue.reach);
            if (!list.isEmpty()) {
                String gap = slotted.text.substring(m.end(), Math.max(m.end(), slotted.nextSlotStart(m.end())));
                boolean named = cue.name.equals("cheer-win") || APPOSED_GAP.matcher(gap).find(); // "cheered after X won", "his rival, X"
                if (!named && BAD_GAP.matcher(gap).find() || OVER_GAP.matcher(gap).find()) {
                    return List.of();
                }
            }
            if (list.isEmpty() && cue.stance == Stance.OPPOSES) {
                // "opposed to it", "against him": the candidate named earlier in the sentence
                String rest = slotted.text.substring(m.end());
                if (cue.name.equals("oppose") && rest.matches("(?is)^\\s*it\\b.*")) {
                    Mention prior = slotted.lastCandidateBefore(m.start());
                    return prior == null ? List.of() : List.of(prior);
                }
            }
            return list;
        }
        return slotted.candidateListBefore(m.start(), cue.reach);
    }

    private static List<Mention> holders(SentenceContext s, Slotted slotted, Cue cue, Matcher m) {
        if (cue.targetSide == Side.BEFORE && HOLDER_AFTER_CUES.contains(cue.name)) {
            List<Mention> after = slotted.actorListAfter(m.end(), 40); // "... would be a boon for Moscow"
            return after.isEmpty() ? slotted.actorListBefore(m.start(), 160) : after;
        }
        int forAt = HOLDER_IN_FOR_CUES.contains(cue.name) ? slotted.text.indexOf(" for ", m.start()) : -1;
        if (forAt >= 0 && forAt < m.end()) {
            List<Mention> inside = slotted.actorListAfter(forAt + 5, 60); // "better for Hungary if ..."
            if (!inside.isEmpty()) {
                return inside;
            }
        }
        List<Mention> bySubject = subjectActors(s, slotted, m.start());
        List<Mention> before = slotted.actorListBefore(m.start(), 160);
        if (!bySubject.isEmpty()) {
            // the parse may keep one conjunct of "A's premier X and B's premier Y": the list holding the subject is the subject
            java.util.Set<String> listed = before.stream().map(Mention::value).collect(java.util.stream.Collectors.toSet());
            return listed.containsAll(bySubject.stream().map(Mention::value).toList()) ? before : bySubject;
        }
        return before;
    }

    /** Actor mentions inside the grammatical subject of the cue's verb (or of the verb governing it). */
    private static List<Mention> subjectActors(SentenceContext s, Slotted slotted, int cueStartInSlotted) {
        ParsedSentence p = s.parse();
        if (p == null) {
            return List.of();
        }
        Token cue = p.tokenAt(slotted.toSentenceOffset(cueStartInSlotted));
        for (int up = 0; cue != null && up < 4; up++) {
            for (Token c : p.children(cue)) {
                if (c.relation().startsWith("nsubj")) {
                    int[] span = subtreeSpan(p, c);
                    List<Mention> in = new ArrayList<>();
                    for (Mention a : s.actors()) {
                        if (a.start() >= span[0] && a.end() <= span[1]) {
                            in.add(a);
                        }
                    }
                    return dedupeByValue(in);
                }
            }
            String rel = cue.relation();
            if (rel.equals("xcomp") || rel.equals("advcl") || rel.startsWith("acl") || rel.equals("ccomp") || rel.startsWith("conj")
                    || rel.startsWith("obl") || rel.startsWith("nmod") || rel.equals("amod")) {
                cue = p.head(cue);
            } else {
                break;
            }
        }
        return List.of();
    }

    private static int[] subtreeSpan(ParsedSentence p, Token root) {
        int lo = root.begin();
        int hi = root.end();
        List<Token> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            Token t = stack.remove(stack.size() - 1);
            lo = Math.min(lo, t.begin());
            hi = Math.max(hi, t.end());
            stack.addAll(p.children(t));
        }
        return new int[]{lo, hi};
    }

    static List<Mention> dedupeByValue(List<Mention> ms) {
        Map<String, Mention> byValue = new LinkedHashMap<>();
        for (Mention m : ms) {
            byValue.putIfAbsent(m.value(), m);
        }
        return new ArrayList<>(byValue.values());
    }

    public static boolean hedged(SentenceContext s) {
        return Lexicon.HEDGE.matcher(s.text()).find();
    }

    /** The basis of a claim by {@code holder} in a sentence where no rule fired: operation when the sentence describes an act. */
    public static Basis basisOf(SentenceContext s, String holder) {
        Set<String> cues = cuesIn(s);
        boolean act = CUES.stream().anyMatch(c -> c.basis == Basis.OPERATION && cues.contains(c.name));
        return basisFor(s, holder, act ? Basis.OPERATION : null);
    }

    /**
     * Statement when the holder speaks for itself (a leader, ministry or outlet of that state is named,
     * or the state is the subject of a speech verb) and nobody else is credited with the inference;
     * operation when the cue is an act; assessment otherwise.
     */
    private static Basis basisFor(SentenceContext s, String holder, Basis cueBasis) {
        if (cueBasis == Basis.OPERATION) {
            return Basis.OPERATION;
        }
        String text = s.text();
        if (Lexicon.ASSESSMENT_SOURCE.matcher(text).find()) {
            return Basis.ASSESSMENT;
        }
        for (Mention m : s.actors()) {
            if (!m.value().equals(holder)) {
                continue;
            }
            if (m.speaksForState()) {
                return Basis.STATEMENT;
            }
            Matcher speech = Lexicon.SPEECH.matcher(text);
            if (speech.find(m.end()) && speech.start() - m.end() < 40) {
                return Basis.STATEMENT;
            }
        }
        if (s.actors().isEmpty() && Lexicon.SPEECH.matcher(text).find()) {
            return Basis.STATEMENT; // the article's main actor, speaking through an unnamed spokesman or agency
        }
        return Basis.ASSESSMENT;
    }

}
