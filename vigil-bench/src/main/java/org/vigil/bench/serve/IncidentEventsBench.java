package org.vigil.bench.serve;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vigil.store.query.IncidentEvent;
import org.vigil.store.query.IncidentEvents;
import org.vigil.store.query.IncidentRow;

/**
 * Question: how long does merging a store's incidents into events take, which the incidents page
 * does on every load? Input: N generated incidents (seed 7) from 8 states and 10 techniques over
 * four years, in operations of 1 to 6 reports (within 20 days) that share 8 of their 10 words, drawn
 * from 3,000 made-up words plus 30 common ones; so most merges are right and a few are chance.
 * Run: {@code java -cp CLASSPATH org.vigil.bench.serve.IncidentEventsBench 1000 10000 100000}.
 */
public final class IncidentEventsBench {
    private static final String[] STATES = {"RU", "IR", "CN", "KP", "VE", "BY", "CU", "UA"};
    private static final String[] TECHNIQUES = {"hack_and_leak", "phishing", "intrusion", "disinformation", "inauthentic_accounts",
        "ai_generated_content", "covert_funding", "state_media", "threats_violence", "influence_operation"};
    private static final String[] WORDS = ("hackers campaign documents leaked servers officials voters ballots videos accounts "
            + "network websites cloned outlets indictment sanctions payments influencers threats emails registration county state "
            + "platform posts memes deepfake audio broadcaster embassy agents").split(" ");

    private IncidentEventsBench() {
    }

    static List<IncidentRow> generate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<IncidentRow> out = new ArrayList<>(n);
        LocalDate start = LocalDate.of(2021, 1, 1);
        long id = 1;
        while (out.size() < n) {
            String actor = STATES[r.nextInt(STATES.length)];
            String technique = TECHNIQUES[r.nextInt(TECHNIQUES.length)];
            LocalDate day = start.plusDays(r.nextInt(4 * 365));
            StringBuilder base = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                base.append(w % 3 == 0 ? WORDS[r.nextInt(WORDS.length)] : "w" + r.nextInt(3_000)).append(' ');
            }
            int reports = 1 + r.nextInt(6);
            for (int k = 0; k < reports && out.size() < n; k++) {
                String sentence = base + "w" + r.nextInt(3_000) + " " + WORDS[r.nextInt(WORDS.length)] + " said officials.";
                LocalDate published = day.plusDays(r.nextInt(20));
                int cycle = published.getYear() % 2 == 0 ? published.getYear() : published.getYear() + 1;
                out.add(new IncidentRow(id, published, null, actor, technique, null, "campaign", "alleged", "a" + id, "d" + id,
                        "t", id, sentence, 0, sentence.length(), cycle));
                id++;
            }
        }
        return out;
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        IncidentEvents.merge(generate(5_000, 1)); // warm-up
        System.out.println("| incidents | events | merge ms (best of 3) |");
        System.out.println("|---:|---:|---:|");
        for (int n : sizes) {
            List<IncidentRow> rows = generate(n, 7);
            long best = Long.MAX_VALUE;
            int events = 0;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                List<IncidentEvent> e = IncidentEvents.merge(rows);
                best = Math.min(best, System.nanoTime() - t0);
                events = e.size();
            }
            System.out.printf("| %,d | %,d | %,.1f |%n", n, events, best / 1e6);
        }
    }
}
