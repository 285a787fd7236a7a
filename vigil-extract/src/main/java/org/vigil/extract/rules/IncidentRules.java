package org.vigil.extract.rules;

import org.vigil.extract.gazetteer.Mention;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Technique;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentence-level rules for interference incidents: a technique cue, an actor (named in the sentence,
 * or carried over from the sentence before when this one names none), not in a hypothetical frame;
 * then status, target and year from the sentence's own words.
 */
public final class IncidentRules {
    private static final Map<Technique, Pattern> CUES = new EnumMap<>(Technique.class);

    static {
        CUES.put(Technique.HACK_AND_LEAK, Pattern.compile(
                "hack[- ]and[- ]leak|(?:hack\\w*|st[oe]l\\w*|theft|pilfered|obtain\\w*|breach\\w*)\\b[^.;]{0,120}?\\b(?:leak\\w*|releas\\w*|disseminat\\w*|distribut\\w*|publish\\w*|dump\\w*|sent\\s+(?:it|them)|sen[dt]\\w*\\s+to|passed\\s+(?:it|them)?\\s*to|shar\\w+\\s+with)"
                        + "|(?:leak\\w*|releas\\w*|disseminat\\w*|distribut\\w*|publish\\w*)\\b[^.;]{0,60}?\\b(?:stolen|hacked|pilfered)"
                        + "|stolen\\s+(?:\\w+\\s+){0,3}(?:were|was)\\s+(?:leaked|released|distributed|published)",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.PHISHING, Pattern.compile(
                "phish\\w*|spear-?phish\\w*|(?:usernames|passwords|credentials)\\b|malicious\\s+(?:e-?mails?|links?)|e-?mails?\\s+with\\s+(?:a\\s+)?(?:virus|malware)",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.INTRUSION, Pattern.compile(
                "hack(?:ed|ing|s)?\\b|(?:cop(?:y|ied|ying)|st[oe]l\\w*|exfiltrat\\w+|download\\w*)\\s+(?:\\w+\\s+){0,5}?(?:records|databases?|voter\\s+data|data\\s+from)|scann\\w+\\s+(?:the\\s+)?(?:\\w+\\s+){0,3}(?:websites|networks|systems)|cyber[- ]?(?:intrusion|attack\\w*|break-?in|espionage)|intrusion|breach(?:ed|es)?|break-?in|broke\\s+into"
                        + "|compromised|compromising|to\\s+compromise|infiltrat\\w+\\s+(?:the\\s+)?(?:[\\w’']+\\s+){0,3}(?:networks?|systems?|servers?|e-?mail|accounts?)|gain(?:ed)?\\s+access",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.DISINFORMATION, Pattern.compile(
                "disinformation|misinformation|falsely\\s+(?:claim\\w*|show\\w*|purport\\w*|accus\\w*|suggest\\w*|depict\\w*)|purport\\w*\\s+to\\s+show|false\\s+(?:claims?|stories|story|information|allegations?|narratives?|reports?)|fake\\s+(?:news|videos?|stories|websites?|sites?|articles?|documents?)"
                        + "|fabricated|forged|forger(?:y|ies)|bogus|misleading\\s+(?:information|claims?|narratives?|content)|mimick?\\w*\\s+(?:the\\s+)?(?:urls?|websites?|news)"
                        + "|propaganda|staged\\s+videos?|spread(?:ing)?\\s+false|inauthentic\\s+news|doctored|hoax(?:es)?|conspiracy\\s+theor(?:y|ies)"
                        + "|manipulated\\s+(?:videos?|images?|photos?|audio)|spoof(?:ed|ing)?\\s+(?:news\\s+)?(?:websites?|sites?|domains?|pages?|outlets?)"
                        + "|(?:videos?|clips?|images?|photos?|stories|story|articles?|documents?|letters?)\\b[^.;]{0,80}?\\b(?:was|were|been|is|are)\\s+(?:\\w+\\s+)?(?:crafted|fabricated|manufactured|concocted|invented|staged|faked)\\s+by",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.INAUTHENTIC_ACCOUNTS, Pattern.compile(
                "troll\\s*(?:farms?|factory|factories|accounts?|networks?)|trolls|bot\\s*(?:farms?|networks?|accounts?)|\\bbots\\b|botnets?|fake\\s+(?:social\\s+media\\s+)?(?:accounts?|personas?|profiles?|users?|followers)"
                        + "|sock\\s*puppets?|inauthentic\\s+(?:accounts?|behaviou?r|networks?)|social\\s+media\\s+manipulation|impersonat\\w+\\s+(?:americans?|u\\.s\\.\\s+(?:citizens|voters))|networks?\\s+of\\s+fake"
                        + "|personas?\\b|coordinated\\s+inauthentic|(?:covert|secret|clandestine)\\s+social\\s+media\\s+(?:campaigns?|operations?|efforts?|networks?)"
                        + "|networks?\\s+of\\s+(?:\\w+\\s+){0,2}(?:social\\s+media\\s+)?accounts|pos(?:e|ed|es|ing)\\s+as\\s+(?:ordinary\\s+)?(?:americans?|u\\.s\\.\\s+(?:voters|citizens)|us\\s+voters)",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.AI_GENERATED_CONTENT, Pattern.compile(
                "artificial\\s+intelligence|\\bAI\\b[- ](?:generated|made|created|enabled|powered|tools?|technology|images?|videos?|content)|generative\\s+AI|deep-?fakes?|ChatGPT|large\\s+language\\s+models?"
                        + "|voice[- ]clon\\w+|cloned\\s+voices?|(?:with|using)\\s+(?:the\\s+help\\s+of\\s+)?AI\\b|OpenAI['’]?s?\\s+(?:models|tools)|synthetic\\s+(?:media|video|audio|images?)",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.COVERT_FUNDING, Pattern.compile(
                "funnel+\\w*|cover(?:t|tly)\\s+(?:fund\\w*|financ\\w*|paid|pay\\w*)|secretly\\s+(?:fund\\w*|paid|pay\\w*|financ\\w*)|shell\\s+compan\\w+|paid\\s+(?:\\w+\\s+)?influencers"
                        + "|(?:allocated|paid|funneled|funnelled)\\s+(?:about\\s+|almost\\s+|nearly\\s+|some\\s+)?\\$\\s?\\d"
                        + "|(?:payments?|donations?|contributions?|cash|money|funds)\\s+from\\b[^.;]{0,80}?\\bto\\b[^.;]{0,50}?\\bcampaign",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.STATE_MEDIA, Pattern.compile(
                "state[- ](?:controlled|run|owned|backed|affiliated|funded|sponsored)?\\s*(?:media|television|tv|outlets?|broadcasters?|news\\s+agency|news\\s+service)",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.THREATS_VIOLENCE, Pattern.compile(
                "assassinat\\w+|murder-for-hire|(?:bomb|death|violent)\\s+threats?|threats?\\s+(?:from\\s+\\S+\\s+)?to\\s+(?:kill|assassinate|harm)|intimidat\\w+|threatening\\s+(?:e-?mails?|messages?)|threaten(?:ed|ing)\\s+(?:to\\s+(?:kill|harm|attack)|voters|election\\s+officials)|plot\\w*\\s+to\\s+kill",
                Pattern.CASE_INSENSITIVE));
        CUES.put(Technique.INFLUENCE_OPERATION, Pattern.compile(
                "influence\\s+(?:operations?|campaigns?|efforts?|activit(?:y|ies)|networks?|ops)|cyber-?influence|interfer(?:e|ed|es|ing|ence)\\s+(?:\\w+\\s+){0,3}(?:in|with)\\s+(?:\\w+\\s+){0,4}(?:elections?|vote|race|politics|campaign)"
                        + "|election\\s+interference|meddl\\w+|sought\\s+to\\s+influence|(?:attempt\\w*|tried|trying|efforts?)\\s+to\\s+(?:influence|sway|interfere)|smear\\s+campaigns?"
                        + "|(?:have|has|had)\\s+(?:been\\s+)?interfer(?:ed|ing)\\b|agents?\\s+(?:of|for)\\s+[^.;]{1,30}?\\bto\\s+infiltrat\\w*"
                        + "|infiltrat\\w*\\s+(?:\\w+\\s+){0,3}(?:political|conservative|liberal|activist|advocacy|rights|campaign|party)\\s+(?:groups?|organi[sz]ations?|movements?|circles)"
                        + "|sway(?:ing)?\\s+(?:the\\s+outcome|public\\s+opinion|voters)|influence\\s+(?:the\\s+)?(?:\\d{4}\\s+)?(?:u\\.s\\.\\s+|us\\s+|american\\s+|presidential\\s+)*(?:elections?|vote|voters|public\\s+opinion)",
                Pattern.CASE_INSENSITIVE));
    }

    private static final Pattern CHARGED = Lexicon.words("indict\\w*|charg(?:ed|es|ing)|criminal\\s+complaint|grand\\s+jury|unsealed|arrested|extradit\\w*|pleaded|convicted");
    private static final Pattern SANCTIONED = Lexicon.words("sanction\\w*");
    private static final Pattern ADMITTED = Lexicon.words("admitted|admits|acknowledged\\s+(?:responsibility|involvement)|claimed\\s+responsibility");
    private static final Pattern OFFICIAL = Lexicon.words("intelligence|officials?|FBI|ODNI|DNI|CISA|NSA|Justice\\s+Department|Department\\s+of\\s+Justice|DOJ|Treasury"
            + "|State\\s+Department|Secretary|government|White\\s+House|Microsoft|OpenAI|Meta|Google|Facebook|Twitter|TikTok|Mandiant|agenc(?:y|ies)"
            + "|confirmed|assess(?:ed|es|ment)|concluded|attributed|Director|Pentagon|Congress|Senate|Mueller|special\\s+counsel|authorities|administration");
    private static final Pattern PRIVATE = Lexicon.words("according\\s+to\\s+(?:people|sources|a\\s+person|two\\s+people|three\\s+people)|people\\s+familiar|suspected"
            + "|researchers?|analysts?|Graphika|Clemson|report\\s+by|New\\s+York\\s+Times|Washington\\s+Post|reportedly|allegedly|campaign\\s+said|said\\s+it\\s+had\\s+been|experts?|journalists?|reporters?|investigation\\s+(?:by|finds|found)|watchdog|think\\s+tank|cybersecurity\\s+(?:firm|company)|investigators");
    private static final Pattern YEAR = Pattern.compile("\\b(20[0-3]\\d|19[89]\\d)\\b");
    private static final Pattern T_INFRA = Lexicon.words("polling|polls|ballots?|voter\\s+registration|voting\\s+(?:systems?|machines?)|election\\s+(?:systems?|infrastructure|offices?|officials|websites?)|vote\\s+totals|voter\\s+(?:rolls|data|databases?)");
    private static final Pattern T_CAMPAIGN = Lexicon.words("campaigns?['’]?|DNC|Democratic\\s+National\\s+Committee|Democratic\\s+Congressional\\s+Campaign\\s+Committee|DCCC|party\\s+e-?mails|advisers|staffers|aides");
    private static final Pattern T_OFFICIALS = Lexicon.words("lawmakers|legislators|members\\s+of\\s+congress|congressional|government\\s+officials|officials");
    private static final Pattern T_MEDIA = Lexicon.words("media\\s+(?:company|companies|outlets?|organi[sz]ations?)|journalists|reporters|news\\s+outlets|influencers");
    private static final Pattern T_VOTERS = Lexicon.words("voters|americans|american\\s+public|public\\s+opinion|audiences|electorate|citizens|social\\s+media|u\\.s\\.\\s+public");

    private static final Pattern ACTOR_LIST_GLUE = Pattern.compile("^(?:[’']s)?(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|&)\\s+)(?:the\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** Words that introduce the agent after an act: "hacked by Iran", "traced to Russia". */
    private static final Pattern AGENT_AFTER = Pattern.compile(
            "(?:\\bby|\\bfrom|\\bthat|\\bwhich|linked\\s+to|tied\\s+to|backed\\s+by|attributed\\s+to|traced\\s+(?:back\\s+)?to|originat\\w*\\s+(?:in|from)|run\\s+by)"
                    + "\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\w-]+\\s+){0,3}$", Pattern.CASE_INSENSITIVE);
    /** A sentence whose subject refers back to the actor of the sentence before. */
    private static final Pattern ANAPHORIC_START = Pattern.compile(
            "^\\W*(?:he|she|they|it|its|their|the\\s+(?:group|hackers?|operation|network|actors?|men|defendants|agency|company|operatives|accounts|campaign\\s+(?:also|then))|these|those|this\\s+(?:operation|group|network))\\b",
            Pattern.CASE_INSENSITIVE);
    /** "had not carried out an influence effort": a negated act is not an incident. */
    private static final Pattern NEGATED = Pattern.compile("(?:\\b(?:not|never|no|neither|nor|without)|n['’]t)(?:\\s+\\S+){0,3}\\s*$", Pattern.CASE_INSENSITIVE);
    /** What makes a threat or an act of violence one against a US election (besides naming a candidate). */
    private static final Pattern US_POLITICS = Lexicon.words("elect\\w*|vot\\w*|ballots?|polling|poll\\s+workers?|campaign\\w*|candidat\\w*|rall(?:y|ies)");
    /** A reaction to violence ("condemned the attempt on", "expressed shock at"), said shortly before the cue. */
    private static final Pattern REACTION = Pattern.compile("\\b(?:condemn\\w*|denounc\\w*|express\\w*|voic\\w*|shock\\w*|sympath\\w*|condolen\\w*"
            + "|sadden\\w*|horrif\\w*|appall\\w*|relie[fv]\\w*|reacted|react\\w*\\s+to)\\b(?:\\s+\\S+){0,6}\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FAKE_BEFORE = Pattern.compile("\\b(?:fake|fabricated|staged|false|bogus)\\s+(?:\\w+\\s+)?$", Pattern.CASE_INSENSITIVE);

    /** Incidents in one sentence; {@code carriedActors} are the actors of the sentence before, used when this one names none. */
    public List<IncidentCandidate> apply(SentenceContext s, List<Mention> carriedActors, int articleCycle) {
        String text = s.text();
        List<IncidentCandidate> out = new ArrayList<>();
        if (s.actors().isEmpty() && carriedActors.isEmpty()) {
            return out;
        }

        Map<Technique, Matcher> found = new EnumMap<>(Technique.class);
        for (Map.Entry<Technique, Pattern> e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                String before = text.substring(0, m.start());
                if (Lexicon.HYPOTHETICAL.matcher(before).find() || NEGATED.matcher(before).find()) {
                    continue;
                }
                if (e.getKey() == Technique.THREATS_VIOLENCE && FAKE_BEFORE.matcher(before).find()) {
                    continue; // an invented report of a murder plot is disinformation, not a threat
                }
                if (e.getKey() == Technique.THREATS_VIOLENCE && (s.candidates().isEmpty() && !US_POLITICS.matcher(text).find()
                        || REACTION.matcher(before).find())) {
                    continue; // violence abroad is not election interference; condemning an attack is not making it
                }
                if (e.getKey() == Technique.STATE_MEDIA && !AMPLIFY.matcher(text).find()) {
                    continue; // state media reporting news is not an operation; amplifying a narrative is
                }
                found.put(e.getKey(), m);
                break;
            }
        }
        if (!found.containsKey(Technique.STATE_MEDIA)) {
            Matcher amplify = AMPLIFY.matcher(text);
            boolean outlet = s.actors().stream().anyMatch(a -> a.kind().equals("media"));
            if (outlet && amplify.find() && !Lexicon.HYPOTHETICAL.matcher(text.substring(0, amplify.start())).find()) {
                found.put(Technique.STATE_MEDIA, amplify); // "RT and Sputnik amplified coverage ..."
            }
        }
        if (found.containsKey(Technique.HACK_AND_LEAK)) {
            found.remove(Technique.INTRUSION); // the break-in is part of the hack-and-leak here
        }
        if (found.isEmpty()) {
            return out;
        }
        IncidentStatus status = statusOf(text);
        boolean statusFromSentence = status != null;
        if (status == null) {
            status = IncidentStatus.ATTRIBUTED;
        }
        Integer year = yearOf(text, articleCycle);
        boolean anaphoric = ANAPHORIC_START.matcher(text).find();
        for (Map.Entry<Technique, Matcher> f : found.entrySet()) {
            Matcher cue = f.getValue();
            List<Mention> actors = agents(s, cue.start(), cue.end());
            if (actors.isEmpty()) {
                boolean concrete = f.getKey() == Technique.PHISHING || f.getKey() == Technique.HACK_AND_LEAK
                        || f.getKey() == Technique.INTRUSION || f.getKey() == Technique.THREATS_VIOLENCE
                        || f.getKey() == Technique.COVERT_FUNDING || f.getKey() == Technique.AI_GENERATED_CONTENT;
                if (concrete || anaphoric) {
                    actors = carriedActors;
                }
            }
            for (Mention a : actors) {
                out.add(new IncidentCandidate(a.value(), f.getKey(), targetOf(f.getKey(), s), status, year,
                        statusFromSentence, s));
            }
        }
        return out;
    }

    /** The techniques whose cue words occur in the text outside a hypothetical or negated frame: features for the model. */
    public static java.util.Set<Technique> techniqueCues(String text) {
        java.util.Set<Technique> out = java.util.EnumSet.noneOf(Technique.class);
        for (Map.Entry<Technique, Pattern> e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                String before = text.substring(0, m.start());
                if (!Lexicon.HYPOTHETICAL.matcher(before).find() && !NEGATED.matcher(before).find()) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        if (AMPLIFY.matcher(text).find()) {
            out.add(Technique.STATE_MEDIA);
        }
        return out;
    }

    /** True when the text frames what it reports as possible, planned or feared rather than done. */
    public static boolean hypothetical(String text) {
        return Lexicon.HYPOTHETICAL.matcher(text).find() || Lexicon.words("could|might|may|would|if|whether|potential|plans?\\s+to").matcher(text).find();
    }

    private static final Pattern AMPLIFY = Lexicon.words("amplif\\w*|narratives?|echo\\w*|boost\\w*|promot\\w*|spread\\w*|push\\w*|launder\\w*");

    /**
     * The actors a technique cue belongs to: the nearest actor (with any actors listed alongside it)
     * before the cue, else an actor introduced as the agent after it ("hacked by Iran").
     */
    private static List<Mention> agents(SentenceContext s, int cueStart, int cueEnd) {
        String text = s.text();
        List<Mention> before = new ArrayList<>();
        for (Mention a : s.actors()) {
            if (a.end() <= cueStart && !isObjectModifier(text, a)) {
                before.add(a);
            }
        }
        if (!before.isEmpty()) {
            List<Mention> list = new ArrayList<>();
            int i = before.size() - 1;
            list.add(before.get(i));
            for (; i > 0; i--) {
                String glue = text.substring(before.get(i - 1).end(), before.get(i).start());
                if (!ACTOR_LIST_GLUE.matcher(glue).find()) {
                    break;
                }
                list.add(0, before.get(i - 1));
            }
            return ClaimRules.dedupeByValue(list);
        }
        for (Mention a : s.actors()) {
            if (a.start() > cueStart && !isObjectModifier(text, a)
                    && AGENT_AFTER.matcher(text.substring(cueStart, a.start())).find()) {
                return List.of(a);
            }
        }
        return List.of();
    }

    /** "pro-Ukraine policies", "anti-China lawmakers": the state is the subject matter, not the actor. */
    private static boolean isObjectModifier(String text, Mention a) {
        String before = text.substring(Math.max(0, a.start() - 5), a.start()).toLowerCase(java.util.Locale.ROOT);
        return (before.endsWith("pro-") || before.endsWith("anti-")) && !a.text().toLowerCase(java.util.Locale.ROOT).startsWith("pro-");
    }

    /** Charged or sanctioned, when the sentence reports legal action; null otherwise. */
    public static IncidentStatus legalStatusOf(String text) {
        if (CHARGED.matcher(text).find()) {
            return IncidentStatus.CHARGED;
        }
        if (SANCTIONED.matcher(text).find()) {
            return IncidentStatus.SANCTIONED;
        }
        return null;
    }

    /** True when the sentence cites an official or platform source rather than journalists or researchers. */
    public static boolean citesOfficials(String text) {
        return OFFICIAL.matcher(text).find();
    }

    /** True when the sentence cites journalists, researchers or unnamed people. */
    public static boolean citesPrivateSources(String text) {
        return PRIVATE.matcher(text).find();
    }

    public static IncidentStatus statusOf(String text) {
        IncidentStatus legal = legalStatusOf(text);
        if (legal != null) {
            return legal;
        }
        if (ADMITTED.matcher(text).find()) {
            return IncidentStatus.ADMITTED;
        }
        boolean official = OFFICIAL.matcher(text).find();
        boolean privateSource = PRIVATE.matcher(text).find();
        if (privateSource && !official) {
            return IncidentStatus.ALLEGED;
        }
        if (official) {
            return IncidentStatus.ATTRIBUTED;
        }
        return null;
    }

    public static Integer yearOf(String text, int articleCycle) {
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y >= 1990 && y <= 2035) {
                return y;
            }
        }
        return articleCycle > 0 ? articleCycle : null;
    }

    /** The target of a {@code t} incident that sentence {@code s} reports, from its own words. */
    public static IncidentTarget targetOf(Technique t, SentenceContext s) {
        String text = s.text();
        if (T_INFRA.matcher(text).find()) {
            return IncidentTarget.ELECTION_INFRASTRUCTURE;
        }
        switch (t) {
            case HACK_AND_LEAK, PHISHING, INTRUSION -> {
                if (T_CAMPAIGN.matcher(text).find()) {
                    return IncidentTarget.CAMPAIGN;
                }
                if (T_MEDIA.matcher(text).find()) {
                    return IncidentTarget.MEDIA;
                }
                if (T_OFFICIALS.matcher(text).find()) {
                    return IncidentTarget.OFFICIALS;
                }
                return IncidentTarget.CAMPAIGN;
            }
            case THREATS_VIOLENCE -> {
                if (T_VOTERS.matcher(text).find()) {
                    return IncidentTarget.VOTERS;
                }
                return s.candidates().isEmpty() ? IncidentTarget.OTHER : IncidentTarget.CANDIDATE;
            }
            case COVERT_FUNDING -> {
                return T_MEDIA.matcher(text).find() ? IncidentTarget.MEDIA : IncidentTarget.OTHER;
            }
            default -> {
                if (T_OFFICIALS.matcher(text).find() && Lexicon.words("lawmakers|legislators|congressional").matcher(text).find()) {
                    return IncidentTarget.OFFICIALS;
                }
                if (!s.candidates().isEmpty() && Lexicon.words("about|against|discredit\\w*|portray\\w*|smear\\w*|denigrat\\w*|tarnish\\w*|attacks?\\s+on").matcher(text).find()) {
                    return IncidentTarget.CANDIDATE;
                }
                return IncidentTarget.VOTERS;
            }
        }
    }
}
