package org.vigil.app.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Full names of the candidates claims name by surname ({@code trump} → Donald Trump), read from the
 * extractor's gazetteer: the shortest alias valid in every cycle that is a first name plus the surname.
 */
final class Candidates {
    private static final String GAZETTEER = "/org/vigil/extract/gazetteer/candidates.tsv";
    private static final Map<String, String> NAMES = load();

    private Candidates() {
    }

    /** The full name, "no clear preference" for {@code *}, else the target with a capital. */
    static String name(String target) {
        if (target == null) {
            return null;
        }
        if (target.equals("*")) {
            return "no clear preference";
        }
        String n = NAMES.get(target);
        return n != null ? n : target.isEmpty() ? target : Character.toUpperCase(target.charAt(0)) + target.substring(1);
    }

    private static Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Candidates.class.getResourceAsStream(GAZETTEER)) {
            if (in == null) {
                return out; // names fall back to the capitalised surname
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 3 || !f[1].equals("*")) {
                    continue;
                }
                String target = f[0];
                String alias = f[2].trim();
                String[] words = alias.split(" ");
                boolean firstAndLast = words.length == 2 && Character.isUpperCase(words[0].charAt(0))
                        && words[1].toLowerCase(Locale.ROOT).equals(target);
                if (firstAndLast && (!out.containsKey(target) || alias.length() < out.get(target).length())) {
                    out.put(target, alias);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GAZETTEER, e);
        }
        return out;
    }
}
