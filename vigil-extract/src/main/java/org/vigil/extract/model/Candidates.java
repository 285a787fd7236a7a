package org.vigil.extract.model;

import org.vigil.extract.ArticleAnalysis;
import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.rules.ClaimCandidate;
import org.vigil.extract.rules.ClaimRules;
import org.vigil.extract.rules.IncidentCandidate;
import org.vigil.extract.rules.IncidentRules;
import org.vigil.extract.rules.Lexicon;
import org.vigil.extract.rules.SentenceContext;
import org.vigil.model.Basis;
import org.vigil.model.Stance;
import org.vigil.model.Technique;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Candidate generation and features. A claim candidate is (sentence, holder state, candidate) for
 * every state the sentence names, points back to ("both countries") or inherits from the sentence
 * before when it names none, times every candidate it names; a no-preference candidate is
 * (sentence, holder, *) where the sentence speaks of the election. An incident candidate is
 * (sentence, actor). Every candidate the rules found is one too. Each gets a feature vector: the
 * sentence embedding with the holder and the candidate replaced by neutral words (so the vector
 * describes the relation, not the names), followed by indicator features (the rules' findings, cue
 * families, negation, hedges, where the mentions sit).
 */
public final class Candidates {
    /** How a candidate's holder was found in its sentence. */
    public enum Origin { NAMED, REFERENCE, INHERITED, RULE }

    public record ClaimSlot(int sentence, String holder, String target, Mention holderMention, Origin origin, float[] x) {
        public boolean none() {
            return target.equals("*");
        }
    }

    public record IncidentSlot(int sentence, String actor, Mention actorMention, Origin origin, float[] x) {
    }

    public record Slots(List<ClaimSlot> claims, List<ClaimSlot> nones, List<IncidentSlot> incidents) {
    }

    private static final List<String> CUE_NAMES = ClaimRules.cueNames();
    private static final Technique[] TECHNIQUES = Technique.values();
    private static final List<String> KINDS = List.of("state", "leader", "official", "agency", "media", "group");
    private static final Pattern ELECTION = Pattern.compile("(?<![\\p{L}])(?:elect\\w*|vot\\w*|race|campaign\\w*|candidat\\w*|president\\w*|white\\s+house"
            + "|win\\w*|whoever|either|preference|prefer\\w*|interfer\\w*|favou?r\\w*|side|nominee|ballot)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern WIN = Pattern.compile("(?<![\\p{L}])(?:win\\w*|victor\\w*|(?:re-?)?elect\\w*|succe\\w*|prevail\\w*|return\\w*)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOSE = Pattern.compile("(?<![\\p{L}])(?:los[ei]\\w*|defeat\\w*|fail\\w*|oust\\w*|damag\\w*|hurt\\w*|harm\\w*|against)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATION = Pattern.compile("(?<![\\p{L}])(?:not|never|no|neither|nor|n['’]t)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE = Pattern.compile("[\"“”]");
    /** General English words of wanting, backing and praising (single words, not phrases of any article). */
    private static final Pattern FAVOUR_WORD = Pattern.compile("(?<![\\p{L}])(?:want\\w*|prefer\\w*|support\\w*|back\\w*|endors\\w*|favou?r\\w*"
            + "|help\\w*|root\\w*|hop(?:e|es|ed|ing)|wish\\w*|prais\\w*|deserv\\w*|welcom\\w*|boost\\w*|like[sd]?|better|best|promising"
            + "|ally|allies|friend\\w*|cheer\\w*|celebrat\\w*|congratulat\\w*|bet|bets|aid\\w*|assist\\w*|benefit\\w*|bolster\\w*"
            + "|promot\\w*|eager\\w*|keen|admir\\w*|applaud\\w*)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    /** General English words of opposing, attacking and fearing. */
    private static final Pattern OPPOSE_WORD = Pattern.compile("(?<![\\p{L}])(?:oppos\\w*|against|attack\\w*|hurt\\w*|harm\\w*|damag\\w*"
            + "|undermin\\w*|denigrat\\w*|disparag\\w*|discredit\\w*|smear\\w*|critici[sz]\\w*|fear\\w*|hat(?:e|es|ed|ing)|dislik\\w*"
            + "|worst|worse|enem\\w*|hostil\\w*|threat\\w*|los(?:e|es|ing)|defeat\\w*|sabotag\\w*|weaken\\w*|dirt|derogator\\w*"
            + "|denounc\\w*|condemn\\w*|mock\\w*|ridicul\\w*|target\\w*)(?![\\p{L}])", Pattern.CASE_INSENSITIVE);
    /** Right after a candidate: "... to win", "... be re-elected", "... wins". */
    private static final Pattern AFTER_WIN = Pattern.compile("['’]?s?\\s*(?:,\\s*)?(?:to\\s+|would\\s+|will\\s+|could\\s+|should\\s+|be\\s+|being\\s+|were\\s+to\\s+)*"
            + "(?:win\\w*|victor\\w*|(?:re-?)?elect\\w*|return\\w*|prevail\\w*|succeed\\w*|back\\s+in)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AFTER_LOSE = Pattern.compile("['’]?s?\\s*(?:,\\s*)?(?:to\\s+|would\\s+|will\\s+|could\\s+|should\\s+|not\\s+|be\\s+)*"
            + "(?:los(?:e|es|ing)|defeat\\w*|fail\\w*|ousted|beaten)", Pattern.CASE_INSENSITIVE);
    /** The candidate is the one compared against: "X over Y", "rather than Y", "instead of Y". */
    private static final Pattern COMPARATIVE = Pattern.compile("(?<![\\p{L}])(?:over|than|instead\\s+of|versus|vs\\.?)\\s+(?:[\\p{L}.\\-]+\\s+){0,3}$",
            Pattern.CASE_INSENSITIVE);

    /** Names of the indicator features of claim candidates, in vector order (after the embedding). */
    static final List<String> CLAIM_FEATURES = claimFeatureNames();
    /** Names of the indicator features of incident candidates, in vector order (after the embedding). */
    static final List<String> INCIDENT_FEATURES = incidentFeatureNames();

    private final SentenceEmbedder embedder;

    public Candidates(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    public Slots of(ArticleAnalysis a) {
        Map<String, float[]> cache = new HashMap<>();
        List<ClaimSlot> claims = new ArrayList<>();
        List<ClaimSlot> nones = new ArrayList<>();
        List<IncidentSlot> incidents = new ArrayList<>();
        Map<String, Integer> actorCounts = new HashMap<>();
        int totalActors = 0;
        for (SentenceContext s : a.sentences()) {
            for (Mention m : s.actors()) {
                actorCounts.merge(m.value(), 1, Integer::sum);
                totalActors++;
            }
        }
        Map<String, Set<Stance>> ruleArticle = new HashMap<>();
        for (List<ClaimCandidate> list : a.ruleClaims()) {
            for (ClaimCandidate c : list) {
                ruleArticle.computeIfAbsent(c.holder() + "|" + c.target(), k -> java.util.EnumSet.noneOf(Stance.class)).add(c.stance());
            }
        }
        Map<String, Set<Technique>> ruleIncidentArticle = new HashMap<>();
        for (List<IncidentCandidate> list : a.ruleIncidents()) {
            for (IncidentCandidate c : list) {
                ruleIncidentArticle.computeIfAbsent(c.actor(), k -> java.util.EnumSet.noneOf(Technique.class)).add(c.technique());
            }
        }
        for (int i = 0; i < a.sentences().size(); i++) {
            SentenceContext s = a.sentences().get(i);
            Map<String, Holder> holders = holders(a, i);
            List<String> targets = s.candidates().stream().map(Mention::value).distinct().toList();
            boolean electionTalk = !targets.isEmpty() || ELECTION.matcher(s.text()).find();
            Map<String, Holder> claimHolders = new LinkedHashMap<>(holders);
            for (ClaimCandidate c : a.ruleClaims().get(i)) {
                if (c.holder() != null) {
                    claimHolders.putIfAbsent(c.holder(), new Holder(c.holder(), null, Origin.RULE));
                }
            }
            Set<String> claimCues = claimHolders.isEmpty() ? Set.of() : ClaimRules.cuesIn(s); // once per sentence, not per pair
            List<String> ruleTargets = a.ruleClaims().get(i).stream().map(ClaimCandidate::target).filter(t -> !t.equals("*")).toList();
            for (Holder h : claimHolders.values()) {
                List<String> ts = new ArrayList<>(targets);
                for (String t : ruleTargets) {
                    if (!ts.contains(t)) {
                        ts.add(t);
                    }
                }
                for (String t : ts) {
                    float[] emb = embed(cache, masked(s, h, t));
                    claims.add(new ClaimSlot(i, h.code, t, h.mention, h.origin,
                            concat(claimIndicators(a, i, h, t, claimCues, ruleArticle, actorCounts, totalActors), emb)));
                }
                if (electionTalk) {
                    float[] emb = embed(cache, masked(s, h, "*"));
                    nones.add(new ClaimSlot(i, h.code, "*", h.mention, h.origin,
                            concat(claimIndicators(a, i, h, "*", claimCues, ruleArticle, actorCounts, totalActors), emb)));
                }
            }
            Map<String, Holder> incidentActors = new LinkedHashMap<>(holders);
            for (Mention m : a.carriedActors().get(i)) {
                incidentActors.putIfAbsent(m.value(), new Holder(m.value(), null, Origin.INHERITED));
            }
            for (IncidentCandidate c : a.ruleIncidents().get(i)) {
                incidentActors.putIfAbsent(c.actor(), new Holder(c.actor(), null, Origin.RULE));
            }
            Set<Technique> cues = IncidentRules.techniqueCues(s.text());
            if (cues.isEmpty() && a.ruleIncidents().get(i).isEmpty()) {
                continue; // no technique is spoken of: nothing for the incident models to score
            }
            for (Holder h : incidentActors.values()) {
                float[] emb = embed(cache, masked(s, h, "*")); // the no-preference mask: one embedding serves both
                incidents.add(new IncidentSlot(i, h.code, h.mention, h.origin,
                        concat(incidentIndicators(a, i, h, cues, ruleIncidentArticle, actorCounts, totalActors), emb)));
            }
        }
        return new Slots(claims, nones, incidents);
    }

    private record Holder(String code, Mention mention, Origin origin) {
    }

    /** The states a sentence speaks of: named (first mention each), pointed back to, or inherited when it names none. */
    private static Map<String, Holder> holders(ArticleAnalysis a, int i) {
        SentenceContext s = a.sentences().get(i);
        Map<String, Holder> out = new LinkedHashMap<>();
        for (Mention m : s.actors()) {
            out.putIfAbsent(m.value(), new Holder(m.value(), m, Origin.NAMED));
        }
        for (Mention m : a.references().get(i)) {
            out.putIfAbsent(m.value(), new Holder(m.value(), m, Origin.REFERENCE));
        }
        if (out.isEmpty()) {
            for (int j = i - 1; j >= Math.max(0, i - 2) && out.isEmpty(); j--) {
                for (Mention m : a.sentences().get(j).actors()) {
                    if (out.size() < 3) {
                        out.putIfAbsent(m.value(), new Holder(m.value(), null, Origin.INHERITED));
                    }
                }
            }
        }
        return out;
    }

    /** The sentence with the holder's mentions, the target's and the other names replaced by neutral words. */
    static String masked(SentenceContext s, Holder h, String target) {
        record Span(int start, int end, String with) {
        }
        List<Span> spans = new ArrayList<>();
        for (Mention m : s.actors()) {
            spans.add(new Span(m.start(), m.end(), m.value().equals(h.code) ? "the foreign government" : "another country"));
        }
        for (Mention m : s.candidates()) {
            String with = target.equals("*") ? "a candidate"
                    : m.value().equals(target) ? "the candidate" : "the rival candidate";
            spans.add(new Span(m.start(), m.end(), with));
        }
        spans.sort(Comparator.comparingInt(Span::start));
        StringBuilder b = new StringBuilder();
        int at = 0;
        String text = s.text();
        for (Span sp : spans) {
            if (sp.start() < at) {
                continue;
            }
            b.append(text, at, sp.start()).append(sp.with());
            at = sp.end();
        }
        b.append(text.substring(at));
        return b.toString();
    }

    private float[] embed(Map<String, float[]> cache, String text) {
        return cache.computeIfAbsent(text, embedder::embed);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = new float[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<String> claimFeatureNames() {
        List<String> n = new ArrayList<>(List.of("rule_favors", "rule_opposes", "rule_none", "rule_other_pair",
                "rule_favors_article", "rule_opposes_article", "rule_none_article", "rule_operation",
                "rule_basis_statement", "rule_basis_assessment", "rule_basis_operation"));
        for (String c : CUE_NAMES) {
            n.add("cue_" + c);
        }
        n.addAll(List.of("negation", "hedge", "denial", "joke", "speech", "assessment_source", "quote", "question",
                "win_word", "lose_word", "election_word"));
        for (String k : KINDS) {
            n.add("kind_" + k);
        }
        for (Origin o : Origin.values()) {
            n.add("origin_" + o.name().toLowerCase(java.util.Locale.ROOT));
        }
        n.addAll(List.of("states_2", "states_3plus", "candidates_2plus", "holder_before_target", "gap_short", "gap_long",
                "target_party", "title", "first_sentences", "holder_share", "main_actor", "target_first"));
        n.addAll(List.of("favour_between", "oppose_between", "negation_between", "state_between", "rival_between",
                "win_after_target", "lose_after_target", "favour_before_target", "oppose_before_target", "comparative_loser"));
        return List.copyOf(n);
    }

    private static float[] claimIndicators(ArticleAnalysis a, int i, Holder h, String target, Set<String> cues, Map<String, Set<Stance>> ruleArticle,
                                           Map<String, Integer> actorCounts, int totalActors) {
        SentenceContext s = a.sentences().get(i);
        String text = s.text();
        float[] x = new float[CLAIM_FEATURES.size()];
        int k = 0;
        boolean fav = false;
        boolean opp = false;
        boolean none = false;
        boolean other = false;
        boolean operation = false;
        Basis ruleBasis = null;
        for (ClaimCandidate c : a.ruleClaims().get(i)) {
            boolean same = h.code.equals(c.holder()) && (c.stance() == Stance.NONE ? target.equals("*") : c.target().equals(target));
            if (same) {
                fav |= c.stance() == Stance.FAVORS;
                opp |= c.stance() == Stance.OPPOSES;
                none |= c.stance() == Stance.NONE;
                operation |= c.basis() == Basis.OPERATION;
                ruleBasis = ruleBasis == null ? c.basis() : ruleBasis;
            } else {
                other = true;
            }
        }
        Set<Stance> art = target.equals("*") ? ruleArticle.getOrDefault(h.code + "|*", Set.of())
                : ruleArticle.getOrDefault(h.code + "|" + target, Set.of());
        x[k++] = b(fav);
        x[k++] = b(opp);
        x[k++] = b(none);
        x[k++] = b(other);
        x[k++] = b(art.contains(Stance.FAVORS));
        x[k++] = b(art.contains(Stance.OPPOSES));
        x[k++] = b(ruleArticle.getOrDefault(h.code + "|*", Set.of()).contains(Stance.NONE));
        x[k++] = b(operation);
        if (ruleBasis == null) {
            ruleBasis = ClaimRules.basisOf(s, h.code);
        }
        x[k++] = b(ruleBasis == Basis.STATEMENT);
        x[k++] = b(ruleBasis == Basis.ASSESSMENT);
        x[k++] = b(ruleBasis == Basis.OPERATION);
        for (String c : CUE_NAMES) {
            x[k++] = b(cues.contains(c));
        }
        x[k++] = b(NEGATION.matcher(text).find());
        x[k++] = b(Lexicon.HEDGE.matcher(text).find());
        x[k++] = b(Lexicon.DENIAL.matcher(text).find());
        x[k++] = b(Lexicon.JOKE.matcher(text).find());
        x[k++] = b(Lexicon.SPEECH.matcher(text).find());
        x[k++] = b(Lexicon.ASSESSMENT_SOURCE.matcher(text).find());
        x[k++] = b(QUOTE.matcher(text).find());
        x[k++] = b(text.contains("?"));
        x[k++] = b(WIN.matcher(text).find());
        x[k++] = b(LOSE.matcher(text).find());
        x[k++] = b(ELECTION.matcher(text).find());
        for (String kind : KINDS) {
            x[k++] = b(h.mention != null && h.mention.kind().equals(kind));
        }
        for (Origin o : Origin.values()) {
            x[k++] = b(h.origin == o);
        }
        long states = s.actors().stream().map(Mention::value).distinct().count();
        long candidates = s.candidates().stream().map(Mention::value).distinct().count();
        x[k++] = b(states == 2);
        x[k++] = b(states >= 3);
        x[k++] = b(candidates >= 2);
        Mention t = target.equals("*") ? null : s.candidates().stream().filter(m -> m.value().equals(target)).findFirst().orElse(null);
        boolean before = h.mention != null && t != null && h.mention.end() <= t.start();
        int gap = h.mention != null && t != null ? Math.abs(t.start() - h.mention.end()) : -1;
        x[k++] = b(before);
        x[k++] = b(gap >= 0 && gap < 40);
        x[k++] = b(gap > 120);
        x[k++] = b(target.equals("republicans") || target.equals("democrats"));
        x[k++] = b(s.title());
        x[k++] = b(i < 3);
        x[k++] = totalActors == 0 ? 0 : actorCounts.getOrDefault(h.code, 0) / (float) totalActors;
        x[k++] = b(h.code.equals(a.mainActor()));
        x[k++] = b(t != null && !s.candidates().isEmpty() && s.candidates().get(0).value().equals(target));
        k = between(s, h.mention, t, x, k);
        return x;
    }

    /**
     * What lies between the holder's mention and the target's (a surface stand-in for the dependency
     * path, which only a few sentences get parsed for): stance words, negation, another state or
     * candidate; and the words right around the target ("to win", "to lose", "over" a rival).
     */
    private static int between(SentenceContext s, Mention holder, Mention target, float[] x, int k) {
        String text = s.text();
        if (target == null) {
            return k + 10;
        }
        String before = text.substring(Math.max(0, target.start() - 30), target.start());
        String after = text.substring(target.end(), Math.min(text.length(), target.end() + 40));
        if (holder != null) {
            int from = Math.min(holder.end(), target.end());
            int to = Math.max(holder.start(), target.start());
            String mid = from < to ? text.substring(from, to) : "";
            x[k] = b(FAVOUR_WORD.matcher(mid).find());
            x[k + 1] = b(OPPOSE_WORD.matcher(mid).find());
            x[k + 2] = b(NEGATION.matcher(mid).find());
            x[k + 3] = b(s.actors().stream().anyMatch(m -> !m.value().equals(holder.value()) && m.start() >= from && m.end() <= to));
            x[k + 4] = b(s.candidates().stream().anyMatch(m -> !m.value().equals(target.value()) && m.start() >= from && m.end() <= to));
        }
        x[k + 5] = b(AFTER_WIN.matcher(after).lookingAt());
        x[k + 6] = b(AFTER_LOSE.matcher(after).lookingAt());
        x[k + 7] = b(FAVOUR_WORD.matcher(before).find());
        x[k + 8] = b(OPPOSE_WORD.matcher(before).find());
        x[k + 9] = b(COMPARATIVE.matcher(before).find());
        return k + 10;
    }

    private static List<String> incidentFeatureNames() {
        List<String> n = new ArrayList<>();
        for (Technique t : TECHNIQUES) {
            n.add("rule_" + t.wire());
        }
        for (Technique t : TECHNIQUES) {
            n.add("rule_article_" + t.wire());
        }
        for (Technique t : TECHNIQUES) {
            n.add("cue_" + t.wire());
        }
        n.addAll(List.of("hypothetical", "negation", "hedge", "quote", "candidates_named"));
        for (String k : KINDS) {
            n.add("kind_" + k);
        }
        for (Origin o : Origin.values()) {
            n.add("origin_" + o.name().toLowerCase(java.util.Locale.ROOT));
        }
        n.addAll(List.of("states_2plus", "title", "first_sentences", "holder_share", "main_actor", "rule_operation_claim"));
        return List.copyOf(n);
    }

    private static float[] incidentIndicators(ArticleAnalysis a, int i, Holder h, Set<Technique> cues,
                                              Map<String, Set<Technique>> ruleArticle, Map<String, Integer> actorCounts, int totalActors) {
        SentenceContext s = a.sentences().get(i);
        String text = s.text();
        float[] x = new float[INCIDENT_FEATURES.size()];
        int k = 0;
        Set<Technique> here = java.util.EnumSet.noneOf(Technique.class);
        for (IncidentCandidate c : a.ruleIncidents().get(i)) {
            if (c.actor().equals(h.code)) {
                here.add(c.technique());
            }
        }
        Set<Technique> art = ruleArticle.getOrDefault(h.code, Set.of());
        for (Technique t : TECHNIQUES) {
            x[k++] = b(here.contains(t));
        }
        for (Technique t : TECHNIQUES) {
            x[k++] = b(art.contains(t));
        }
        for (Technique t : TECHNIQUES) {
            x[k++] = b(cues.contains(t));
        }
        x[k++] = b(IncidentRules.hypothetical(text));
        x[k++] = b(NEGATION.matcher(text).find());
        x[k++] = b(Lexicon.HEDGE.matcher(text).find());
        x[k++] = b(QUOTE.matcher(text).find());
        x[k++] = b(!s.candidates().isEmpty());
        for (String kind : KINDS) {
            x[k++] = b(h.mention != null && h.mention.kind().equals(kind));
        }
        for (Origin o : Origin.values()) {
            x[k++] = b(h.origin == o);
        }
        x[k++] = b(s.actors().stream().map(Mention::value).distinct().count() >= 2);
        x[k++] = b(s.title());
        x[k++] = b(i < 3);
        x[k++] = totalActors == 0 ? 0 : actorCounts.getOrDefault(h.code, 0) / (float) totalActors;
        x[k++] = b(h.code.equals(a.mainActor()));
        x[k++] = b(a.ruleClaims().get(i).stream().anyMatch(c -> h.code.equals(c.holder()) && c.basis() == Basis.OPERATION && !c.hedged()));
        return x;
    }

    private static float b(boolean v) {
        return v ? 1f : 0f;
    }
}
