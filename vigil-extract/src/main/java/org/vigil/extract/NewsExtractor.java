package org.vigil.extract;

import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.nlp.LanguageAnalyzer;
import org.vigil.extract.nlp.ParsedSentence;
import org.vigil.extract.nlp.TextSpan;
import org.vigil.extract.rules.ClaimCandidate;
import org.vigil.extract.rules.ClaimRules;
import org.vigil.extract.rules.IncidentCandidate;
import org.vigil.extract.rules.IncidentRules;
import org.vigil.extract.rules.Lexicon;
import org.vigil.extract.rules.SentenceContext;
import org.vigil.extract.model.ExtractionModel;
import org.vigil.model.Article;
import org.vigil.model.Claim;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Technique;
import org.vigil.model.Stance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts claims and incidents from one article: split into sentences, keep those the gazetteer
 * finds a foreign actor in (or that follow one), parse the ones that could carry a claim, apply the
 * claim and incident rules, then merge per article (one claim per holder, target and stance; one
 * incident per actor and technique) and mark claims the article reports as denied or joked about.
 * Thread-safe: the analyzer's models are shared, per-article state is local.
 */
public final class NewsExtractor {
    private static final Pattern CYCLE_YEAR = Pattern.compile("\\b(2016|2020|2024|2028)\\b");

    private final LanguageAnalyzer analyzer;
    private final Gazetteer gazetteer;
    private final ExtractionModel model;
    private final ClaimRules claimRules = new ClaimRules();
    private final IncidentRules incidentRules = new IncidentRules();

    /** An extractor that scores candidates with the model that ships with Vigil. */
    public NewsExtractor(LanguageAnalyzer analyzer, Gazetteer gazetteer) {
        this(analyzer, gazetteer, ExtractionModel.shipped());
    }

    /** An extractor that scores candidates with {@code model}, or merges the rules' findings when it is null. */
    public NewsExtractor(LanguageAnalyzer analyzer, Gazetteer gazetteer, ExtractionModel model) {
        this.analyzer = analyzer;
        this.gazetteer = gazetteer;
        this.model = model;
    }

    public Extraction extract(Article article) {
        ArticleAnalysis a = analyse(article);
        return model == null ? rulesOnly(a) : model.decide(a, this);
    }

    /** Sentences, mentions and the rules' findings of one article: what the model scores. */
    public ArticleAnalysis analyse(Article article) {
        String text = article.text();
        int articleCycle = cycleOf(article);
        List<TextSpan> spans = analyzer.sentences(text);
        List<SentenceContext> sentences = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            TextSpan span = spans.get(i);
            String st = span.text();
            int cycle = sentenceCycle(st, articleCycle);
            List<Mention> actors = gazetteer.actors(st);
            List<Mention> candidates = gazetteer.candidates(st, cycle);
            boolean title = i == 0 && article.title() != null && normalise(st).equals(normalise(article.title()));
            sentences.add(new SentenceContext(span, actors, candidates, null, cycle, title));
        }
        String mainActor = mainActor(sentences);
        // an incident whose sentence names no year happened in the election the article talks about most
        int incidentYear = mostMentionedCycle(text, articleCycle);

        List<List<ClaimCandidate>> claims = new ArrayList<>();
        List<List<IncidentCandidate>> incidents = new ArrayList<>();
        List<List<Mention>> carried = new ArrayList<>();
        List<List<Mention>> references = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            SentenceContext s = sentences.get(i);
            SentenceContext parsed = s;
            if (!s.actors().isEmpty() && !s.candidates().isEmpty() && claimRules.needsParse(s)) {
                ParsedSentence p = analyzer.parse(s.text());
                parsed = new SentenceContext(s.span(), s.actors(), s.candidates(), p, s.cycle(), s.title());
            }
            List<ClaimCandidate> found = List.of();
            if (!s.actors().isEmpty() || !s.candidates().isEmpty()) {
                // "he" continues a sentence about a named leader or official, not about a state in general
                String previousPerson = s.actors().isEmpty() && i > 0
                        ? sentences.get(i - 1).actors().stream().filter(Mention::isPerson).map(Mention::value).distinct()
                        .reduce((x, y) -> x.equals(y) ? x : "").filter(v -> !v.isEmpty()).orElse(null)
                        : null;
                found = claimRules.apply(parsed, mainActor, previousPerson);
            }
            claims.add(found);
            List<Mention> neighbours = neighbourActors(sentences, i, text);
            carried.add(neighbours);
            incidents.add(incidentRules.apply(s, neighbours, incidentYear));
            references.add(StateReferences.resolve(sentences, i));
        }
        return new ArticleAnalysis(article, List.copyOf(sentences), claims, incidents, carried, references, mainActor, incidentYear);
    }

    /** The rules' findings merged per article, as Vigil extracted before it had a model. */
    public Extraction rulesOnly(ArticleAnalysis a) {
        List<ClaimCandidate> claims = a.ruleClaims().stream().flatMap(List::stream).toList();
        List<IncidentCandidate> incidents = a.ruleIncidents().stream().flatMap(List::stream).toList();
        return assemble(a, claims, incidents, true);
    }

    /**
     * One claim per holder, target and stance and one incident per actor and technique, with the
     * article-level flags: disputed claims, statuses settled from the whole article, and (when
     * {@code operationIncidents}) an influence operation for each unhedged claim based on an operation.
     */
    public Extraction assemble(ArticleAnalysis a, List<ClaimCandidate> claims, List<IncidentCandidate> incidents,
                               boolean operationIncidents) {
        List<Claim> merged = mergeClaims(claims, a.sentences());
        return new Extraction(a.article(), merged,
                mergeIncidents(incidents, operationIncidents ? claims : List.of(), a.sentences()));
    }

    private List<Claim> mergeClaims(List<ClaimCandidate> found, List<SentenceContext> sentences) {
        Map<String, ClaimCandidate> best = new LinkedHashMap<>();
        for (ClaimCandidate c : found) {
            if (c.stance() != Stance.NONE && c.holder() == null) {
                continue;
            }
            String key = c.holder() + "|" + (c.stance() == Stance.NONE ? "*" : c.target()) + "|" + c.stance();
            ClaimCandidate prev = best.get(key);
            // the body's first sentence beats the headline, which states things without the article's qualifiers
            if (prev == null || (prev.sentence().title() && !c.sentence().title())) {
                best.put(key, c);
            }
        }
        List<Claim> out = new ArrayList<>();
        for (ClaimCandidate c : best.values()) {
            boolean disputed = disputed(c, sentences);
            TextSpan span = c.sentence().span();
            out.add(new Claim(c.holder(), c.stance() == Stance.NONE ? "*" : c.target(), c.stance(), c.hedged(), disputed,
                    c.basis(), c.actor(), new Evidence(span.text(), span.start(), span.end())));
        }
        return out;
    }

    /**
     * A claim is disputed when the article reports its holder denying it, or reports it as a joke:
     * a joke sentence about the same target, or the evidence sentence itself joking.
     */
    private boolean disputed(ClaimCandidate c, List<SentenceContext> sentences) {
        if (c.stance() == Stance.NONE) {
            return false;
        }
        Matcher joke = Lexicon.JOKE.matcher(c.sentence().text());
        while (joke.find()) {
            // "joking that he would back Harris": the joke covers the candidate named next to it
            for (Mention m : c.sentence().candidates()) {
                if (m.value().equals(c.target()) && Math.abs(m.start() - joke.start()) < 60) {
                    return true;
                }
            }
        }
        for (SentenceContext s : sentences) {
            String t = s.text();
            if (c.basis() == org.vigil.model.Basis.STATEMENT && jokes(t) && s != c.sentence()) {
                boolean sameTarget = s.candidates().stream().anyMatch(m -> m.value().equals(c.target()));
                boolean sameHolder = s.actors().stream().anyMatch(m -> m.value().equals(c.holder()));
                if (sameTarget && (sameHolder || s.actors().isEmpty())) {
                    return true;
                }
            }
            Matcher d = Lexicon.DENIAL.matcher(t);
            if (d.find()) {
                // the deniers are the actors named before the denial word, unless a candidate speaks first
                Mention firstCandidate = s.candidates().stream().filter(m -> m.start() < d.start()).findFirst().orElse(null);
                for (Mention a : s.actors()) {
                    if (a.start() < d.start() && a.value().equals(c.holder())
                            && (firstCandidate == null || firstCandidate.start() > a.start())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean jokes(String t) {
        return Lexicon.JOKE.matcher(t).find();
    }

    private List<Incident> mergeIncidents(List<IncidentCandidate> found, List<ClaimCandidate> claims, List<SentenceContext> sentences) {
        // an operation against or for a candidate is an influence effort, even where no technique is named
        List<IncidentCandidate> all = new ArrayList<>(found);
        for (ClaimCandidate c : claims) {
            if (c.basis() == org.vigil.model.Basis.OPERATION && c.stance() != Stance.NONE && !c.hedged()) {
                IncidentStatus status = IncidentRules.statusOf(c.sentence().text());
                all.add(new IncidentCandidate(c.holder(), Technique.INFLUENCE_OPERATION, IncidentTarget.CANDIDATE,
                        status == null ? IncidentStatus.ATTRIBUTED : status,
                        IncidentRules.yearOf(c.sentence().text(), c.sentence().cycle()), status != null, c.sentence()));
            }
        }
        // "influence operation" is the technique of last resort: an actor with a more specific one does not get it too
        java.util.Set<String> specific = new java.util.HashSet<>();
        for (IncidentCandidate c : all) {
            if (c.technique() != Technique.INFLUENCE_OPERATION) {
                specific.add(c.actor());
            }
        }
        // a hack-and-leak includes its break-in: the same actor's intrusion is not a second incident
        java.util.Set<String> leakers = new java.util.HashSet<>();
        for (IncidentCandidate c : all) {
            if (c.technique() == Technique.HACK_AND_LEAK) {
                leakers.add(c.actor());
            }
        }
        Map<String, IncidentCandidate> best = new LinkedHashMap<>();
        for (IncidentCandidate c : all) {
            if (c.technique() == Technique.INFLUENCE_OPERATION && specific.contains(c.actor())
                    || c.technique() == Technique.INTRUSION && leakers.contains(c.actor())) {
                continue;
            }
            String key = c.actor() + "|" + c.technique();
            IncidentCandidate prev = best.get(key);
            if (prev == null || (prev.sentence().title() && !c.sentence().title())
                    || (!prev.statusFromSentence() && c.statusFromSentence() && !c.sentence().title())) {
                best.put(key, c);
            }
        }
        List<Incident> out = new ArrayList<>();
        ArticleStatus articleStatus = ArticleStatus.of(sentences);
        for (IncidentCandidate c : best.values()) {
            TextSpan span = c.sentence().span();
            out.add(new Incident(c.actor(), c.technique(), c.target(), articleStatus.resolve(c), c.year(),
                    DisarmMapping.of(c.technique()).id(), new Evidence(span.text(), span.start(), span.end())));
        }
        return out;
    }

    /** The foreign state the article is mostly about, when one clearly dominates its mentions. */
    private static String mainActor(List<SentenceContext> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (SentenceContext s : sentences) {
            for (Mention m : s.actors()) {
                counts.merge(m.value(), 1, Integer::sum);
                total++;
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= 2 && e.getValue() * 10 >= total * 7) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * For a sentence whose own actors do not bind to its act ("They also hacked ..."), the actor of a
     * sentence close by: the sentence before (news paragraphs are short), or the one before that in the
     * same paragraph, else the next one in the same paragraph; only when that sentence names a single state.
     */
    static List<Mention> neighbourActors(List<SentenceContext> sentences, int i, String text) {
        for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
            if (j < i - 1 && text.substring(sentences.get(j).span().end(), sentences.get(j + 1).span().start()).contains("\n\n")) {
                break; // the sentence just before, even in the paragraph before; further back, only within the paragraph
            }
            if (!sentences.get(j).actors().isEmpty()) {
                List<Mention> d = distinctCountries(sentences.get(j).actors());
                return d.size() == 1 ? d : List.of();
            }
        }
        if (i + 1 < sentences.size()) {
            SentenceContext next = sentences.get(i + 1);
            boolean sameParagraph = !text.substring(sentences.get(i).span().end(), next.span().start()).contains("\n\n");
            List<Mention> d = distinctCountries(next.actors());
            if (sameParagraph && d.size() == 1) {
                return d;
            }
        }
        return List.of();
    }

    private static List<Mention> distinctCountries(List<Mention> ms) {
        Map<String, Mention> m = new LinkedHashMap<>();
        for (Mention x : ms) {
            m.putIfAbsent(x.value(), x);
        }
        return new ArrayList<>(m.values());
    }

    /**
     * The election cycle an article's descriptions ("the former president") resolve in: from its date
     * (the two years after an election mostly report on it), else the cycle year it mentions most.
     */
    static int cycleOf(Article a) {
        if (a.published() != null) {
            int y = a.published().getYear();
            int r = y % 4;
            if (r == 0) {
                return y;
            }
            // the year after an election and the midterm year mostly report on the last one
            return r <= 2 ? y - r : y + 1;
        }
        return mostMentionedCycle(a.text(), 2024);
    }

    private static int mostMentionedCycle(String text, int fallback) {
        Map<Integer, Integer> counts = new HashMap<>();
        Matcher m = CYCLE_YEAR.matcher(text);
        while (m.find()) {
            counts.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max((x, y) -> x.getValue().equals(y.getValue()) ? Integer.compare(x.getKey(), y.getKey()) : Integer.compare(x.getValue(), y.getValue()))
                .map(Map.Entry::getKey).orElse(fallback);
    }

    /** A sentence that names exactly one cycle year speaks of that cycle ("in 2016, the Democratic nominee"). */
    private static int sentenceCycle(String sentence, int articleCycle) {
        Matcher m = CYCLE_YEAR.matcher(sentence);
        Integer only = null;
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (only != null && only != y) {
                return articleCycle;
            }
            only = y;
        }
        return only == null ? articleCycle : only;
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    }
}
