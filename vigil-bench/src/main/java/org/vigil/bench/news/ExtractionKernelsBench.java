package org.vigil.bench.news;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.vigil.extract.gazetteer.Gazetteer;
import org.vigil.extract.gazetteer.Mention;
import org.vigil.extract.nlp.TextSpan;
import org.vigil.extract.rules.ClaimCandidate;
import org.vigil.extract.rules.ClaimRules;
import org.vigil.extract.rules.IncidentCandidate;
import org.vigil.extract.rules.IncidentRules;
import org.vigil.extract.rules.SentenceContext;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The per-sentence kernels of news extraction, without CoreNLP: what does a sentence cost when it is
 * not parsed? Input: one typical claim-and-incident sentence (34 words, two states, two candidates).
 * Run: {@code ./bench jmh ExtractionKernelsBench -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ExtractionKernelsBench {
    private static final String SENTENCE = "U.S. intelligence officials said Russia prefers Donald Trump and is working to denigrate "
            + "Kamala Harris, while Iranian hackers stole and leaked documents from the Trump campaign in 2024, the FBI said.";

    private final Gazetteer gazetteer = Gazetteer.standard();
    private final ClaimRules claimRules = new ClaimRules();
    private final IncidentRules incidentRules = new IncidentRules();
    private final SentenceContext context = new SentenceContext(new TextSpan(0, SENTENCE.length(), SENTENCE),
            gazetteer.actors(SENTENCE), gazetteer.candidates(SENTENCE, 2024), null, 2024, false);

    /** Both gazetteer look-ups on one sentence (one case-insensitive alternation per table). */
    @Benchmark
    public int gazetteer() {
        List<Mention> a = gazetteer.actors(SENTENCE);
        return a.size() + gazetteer.candidates(SENTENCE, 2024).size();
    }

    /** Every claim cue over the slotted sentence, holders and targets by proximity. */
    @Benchmark
    public List<ClaimCandidate> claimRules() {
        return claimRules.apply(context, null);
    }

    /** Every technique cue, actor binding, status, target and year. */
    @Benchmark
    public List<IncidentCandidate> incidentRules() {
        return incidentRules.apply(context, List.of(), 2024);
    }
}
