package org.vigil.bench.news;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes synthetic scraped news pages for the extraction benchmark: a menu, share buttons and a
 * footer around paragraphs assembled from sentence templates (claims, incidents and filler), with a
 * fixed seed so runs are comparable. The sizes follow the shared corpus (about 2,300 characters of
 * story and 25 sentences per article).
 */
public final class SyntheticNews {
    private static final String[] ACTORS = {"Russia", "Moscow", "the Kremlin", "Iran", "Tehran", "China", "Beijing", "North Korea"};
    private static final String[] CANDIDATES = {"Donald Trump", "Kamala Harris", "Joe Biden", "the former president", "the Democratic nominee"};
    private static final String[] CLAIMS = {
            "%s wants %s to win the election, intelligence officials said.",
            "Analysts believe %s is quietly rooting for %s.",
            "%s has worked to denigrate %s, according to a declassified assessment.",
            "Officials said %s does not appear to favor either %s or any other candidate.",
            "A %2$s victory would be a boon for %1$s, one former diplomat argued.",
    };
    private static final String[] INCIDENTS = {
            "Hackers linked to %s stole internal documents from a campaign and leaked them to reporters, the FBI said.",
            "Researchers said %s ran networks of fake accounts that posed as American voters.",
            "Prosecutors charged two people with funnelling money from %s to online influencers.",
            "The report said %s used AI-generated videos to spread false stories about the race.",
    };
    private static final String[] FILLER = {
            "Election officials in several states said turnout was running ahead of the last cycle.",
            "The campaign did not respond to a request for comment on Tuesday.",
            "Polls in the battleground states remain within the margin of error.",
            "Lawmakers from both parties called for more funding for election security.",
            "The hearing is scheduled to resume next week in Washington.",
            "Social media companies said they had removed thousands of posts that broke their rules.",
    };

    private SyntheticNews() {
    }

    /** Writes {@code n} articles into {@code dir} as {@code gen-00001.txt}, ...; returns the total characters written. */
    public static long write(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom r = new SplittableRandom(seed);
        long chars = 0;
        for (int i = 1; i <= n; i++) {
            StringBuilder sb = new StringBuilder();
            sb.append("URL: https://news").append(r.nextInt(50)).append(".example/politics/").append(i).append('\n');
            sb.append("TITLE: Election security briefing ").append(i).append('\n');
            sb.append("Home\nPolitics\nWorld\nBusiness\nOpinion\nShare\nFacebook\nTwitter\nCopy link\n\n");
            for (int p = 0; p < 12; p++) {
                StringBuilder para = new StringBuilder();
                for (int s = 0; s < 2; s++) {
                    int kind = r.nextInt(10);
                    String a = ACTORS[r.nextInt(ACTORS.length)];
                    String c = CANDIDATES[r.nextInt(CANDIDATES.length)];
                    String sentence = kind < 2 ? String.format(CLAIMS[r.nextInt(CLAIMS.length)], a, c)
                            : kind < 4 ? String.format(INCIDENTS[r.nextInt(INCIDENTS.length)], a)
                            : FILLER[r.nextInt(FILLER.length)];
                    para.append(Character.toUpperCase(sentence.charAt(0))).append(sentence.substring(1)).append(' ');
                }
                sb.append(para.toString().trim()).append("\n\n");
                if (p == 5) {
                    sb.append("Advertisement\n\nSTORY CONTINUES BELOW THIS AD\n\n");
                }
            }
            sb.append("Related stories\nSubscribe to our newsletter\n© 2024 Example News. All rights reserved.\n");
            Files.writeString(dir.resolve(String.format("gen-%05d.txt", i)), sb);
            chars += sb.length();
        }
        return chars;
    }
}
