package org.vigil.ingest.news;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins text that was wrapped at a fixed width back into paragraphs. The line filter judges a
 * line as a unit, so a sentence broken over three lines would look like three short fragments.
 * Flattened web scrapes put a paragraph on one long line and are left alone.
 */
final class HardWraps {

    private static final int MIN_LINES = 8;
    private static final int MIN_WRAPPED = 30;
    private static final int MAX_WRAPPED = 100;

    private HardWraps() {
    }

    static List<String> unwrap(List<String> lines) {
        if (!isHardWrapped(lines)) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                if (paragraph.length() > 0) {
                    out.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                out.add("");
                continue;
            }
            String s = line.strip();
            if (paragraph.length() > 0) {
                paragraph.append(' ');
            }
            paragraph.append(s);
        }
        if (paragraph.length() > 0) {
            out.add(paragraph.toString());
        }
        return out;
    }

    /**
     * Most lines of similar, moderate length, most of them ending mid-sentence, and paragraphs
     * separated by blank lines: the shape of text wrapped by an editor or a mail client.
     */
    static boolean isHardWrapped(List<String> lines) {
        int nonBlank = 0;
        int inBand = 0;
        int midSentence = 0;
        int longest = 0;
        boolean blankSeparated = false;
        for (String line : lines) {
            String s = line.strip();
            if (s.isEmpty()) {
                blankSeparated |= nonBlank > 0;
                continue;
            }
            nonBlank++;
            longest = Math.max(longest, s.length());
            if (s.length() >= MIN_WRAPPED && s.length() <= MAX_WRAPPED) {
                inBand++;
                if (!BoilerplateFilter.endsSentence(s)) {
                    midSentence++;
                }
            }
        }
        return nonBlank >= MIN_LINES && blankSeparated && longest <= MAX_WRAPPED + 20
                && inBand >= nonBlank * 0.7 && midSentence >= inBand * 0.5;
    }
}
