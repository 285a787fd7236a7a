package org.vigil.coordination.characterise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recent originals (author and text), at most {@code capacity}: enough to resolve re-shares,
 * which mostly follow their original within hours, while memory stays bounded on long inputs.
 */
public final class OriginalsCache implements Originals {
    private record Entry(String author, String text) {
    }

    private final Map<Long, Entry> entries;

    public OriginalsCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public void put(long retweetKey, String author, String text) {
        entries.put(retweetKey, new Entry(author, text));
    }

    @Override
    public String author(long retweetKey) {
        Entry e = entries.get(retweetKey);
        return e == null ? null : e.author();
    }

    @Override
    public String text(long retweetKey) {
        Entry e = entries.get(retweetKey);
        return e == null ? null : e.text();
    }
}
