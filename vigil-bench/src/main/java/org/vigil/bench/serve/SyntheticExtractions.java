package org.vigil.bench.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.model.Article;
import org.vigil.model.Basis;
import org.vigil.model.Claim;
import org.vigil.model.Evidence;
import org.vigil.model.Extraction;
import org.vigil.model.Incident;
import org.vigil.model.IncidentStatus;
import org.vigil.model.IncidentTarget;
import org.vigil.model.Source;
import org.vigil.model.Stance;
import org.vigil.model.Technique;

/**
 * Seeded, made-up extractions shaped like Vigil's real output: articles of 20 to 60 sentences over
 * 2016-2024, each with 0 to 4 claims and 0 to 2 incidents whose evidence is a sentence of the text,
 * seen at 1 to 3 of 400 outlets. Equal seeds give equal articles. The words are filler: the point is
 * the shape and size of the tables and the index, not the prose.
 */
record SyntheticExtractions(int articles, long seed) {
    private static final String[] HOLDERS = {"RU", "RU", "RU", "CN", "CN", "IR", "IR", "KP", "BY", "VE", "UA", "IL"};
    private static final String[] NAMES = {"Moscow", "the Kremlin", "Beijing", "Tehran", "Pyongyang", "Minsk", "Caracas", "Kyiv"};
    private static final String[] TARGETS = {"trump", "harris", "biden", "clinton", "vance", "walz", "stein", "kennedy"};
    private static final String[] WORDS = ("election campaign officials intelligence report hackers voters ballots state media "
            + "network accounts influence operation disinformation sanctions indictment researchers platform video "
            + "website domains senators committee agency analysts assessment evidence statement ministry spokesman "
            + "denied claimed warned alleged targeted posted shared amplified promoted questioned").split(" ");

    List<Extraction> batch(int from, int to) {
        List<Extraction> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(article(i));
        }
        return out;
    }

    private Extraction article(int i) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        LocalDate published = LocalDate.of(2016, 1, 1).plusDays(rnd.nextInt(9 * 365));
        int sentences = 20 + rnd.nextInt(41);
        List<String> text = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<Incident> incidents = new ArrayList<>();
        int nClaims = rnd.nextInt(5);
        int nIncidents = rnd.nextInt(3);
        StringBuilder all = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            String sentence;
            String holder = HOLDERS[rnd.nextInt(HOLDERS.length)];
            if (s < nClaims) {
                String target = TARGETS[rnd.nextInt(TARGETS.length)];
                boolean favours = rnd.nextInt(3) > 0;
                sentence = NAMES[rnd.nextInt(NAMES.length)] + (favours ? " wants " : " works against ") + cap(target)
                        + " in the race, " + filler(rnd, 8) + ".";
                claims.add(new Claim(holder, target, favours ? Stance.FAVORS : Stance.OPPOSES, rnd.nextInt(4) == 0,
                        rnd.nextInt(6) == 0, Basis.values()[rnd.nextInt(3)], NAMES[rnd.nextInt(NAMES.length)], evidence(all, sentence)));
            } else if (s < nClaims + nIncidents) {
                Technique t = Technique.values()[rnd.nextInt(Technique.values().length)];
                sentence = "Investigators said " + holder + " operatives ran " + t.wire().replace('_', ' ') + " against the campaign, "
                        + filler(rnd, 6) + ".";
                incidents.add(new Incident(holder, t, IncidentTarget.values()[rnd.nextInt(IncidentTarget.values().length)],
                        IncidentStatus.values()[rnd.nextInt(IncidentStatus.values().length)], published.getYear() - rnd.nextInt(2),
                        String.format("T%04d.%03d", 80 + t.ordinal(), 1 + rnd.nextInt(3)), evidence(all, sentence)));
            } else {
                sentence = cap(filler(rnd, 10 + rnd.nextInt(15))) + ".";
            }
            text.add(sentence);
            all.append(sentence).append(' ');
        }
        String body = all.toString().strip();
        List<Source> sources = new ArrayList<>();
        int copies = 1 + rnd.nextInt(3);
        for (int c = 0; c < copies; c++) {
            sources.add(new Source("https://outlet" + rnd.nextInt(400) + ".example/news/" + i + "-" + c, "Story " + i,
                    published.plusDays(c), "bench.jsonl"));
        }
        String id = String.format("bench-%08d", i);
        Article a = new Article(id, id + ".txt", sources.get(0).url(), "Story " + i + ": " + filler(rnd, 6), published, "en", body, sources);
        return new Extraction(a, claims, incidents);
    }

    private static Evidence evidence(StringBuilder textSoFar, String sentence) {
        int start = textSoFar.length();
        return new Evidence(sentence, start, start + sentence.length());
    }

    private static String filler(SplittableRandom rnd, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                b.append(' ');
            }
            b.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
