package org.vigil.app.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which state owns each state-media outlet, from the coordination module's maintained
 * {@code state-media.csv} ({@code kind,value,outlet,country}). The overview needs it to put a
 * network that amplifies RT beside Russia's claimed preference.
 */
final class OutletCountries {
    static final String RESOURCE = "/org/vigil/coordination/state-media.csv";

    private final Map<String, String> countryOfOutlet;

    private OutletCountries(Map<String, String> countryOfOutlet) {
        this.countryOfOutlet = countryOfOutlet;
    }

    static OutletCountries bundled() {
        try (InputStream in = OutletCountries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the state-media list " + RESOURCE + " is missing from the classpath; rebuild vigil-coordination");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    static OutletCountries read(BufferedReader in, String origin) throws IOException {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",", -1);
            if (cells.length < 4) {
                throw new IllegalStateException(origin + ":" + n + ": expected kind,value,outlet,country but found "
                        + cells.length + " columns; fix the row");
            }
            String outlet = cells[2].strip();
            String country = cells[3].strip().toUpperCase(Locale.ROOT);
            if (!outlet.isEmpty() && !country.isEmpty()) {
                m.putIfAbsent(outlet, country);
            }
        }
        return new OutletCountries(m);
    }

    /** The ISO code of the state behind {@code outlet}, or null when the list does not name it. */
    String countryOf(String outlet) {
        return outlet == null ? null : countryOfOutlet.get(outlet.strip());
    }

    /** Every state that owns a listed outlet, in code order. */
    java.util.SortedSet<String> countries() {
        return new java.util.TreeSet<>(countryOfOutlet.values());
    }

    /** Every outlet of the state {@code country}. */
    List<String> outletsOf(String country) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : countryOfOutlet.entrySet()) {
            if (e.getValue().equalsIgnoreCase(country)) {
                out.add(e.getKey());
            }
        }
        return out;
    }
}
