package org.vigil.coordination.internal;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LongKeyMapsTest {
    @Test
    void mapsAgreeWithHashMapThroughGrowthAndIteration() {
        SplittableRandom r = new SplittableRandom(3);
        LongIntMap ints = new LongIntMap(4);
        LongLongMap longs = new LongLongMap(4);
        LongObjectMap<String> objects = new LongObjectMap<>(4);
        Map<Long, Integer> expected = new HashMap<>();
        for (int n = 0; n < 20_000; n++) {
            long key = r.nextInt(5_000) * 0x9E3779B97F4A7C15L;
            ints.add(key, 1);
            longs.add(key, 2);
            objects.putIfAbsent(key, "k" + key);
            expected.merge(key, 1, Integer::sum);
        }
        assertThat(ints.size()).isEqualTo(expected.size());
        assertThat(longs.size()).isEqualTo(expected.size());
        assertThat(objects.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> {
            assertThat(ints.get(k, -1)).isEqualTo(v);
            assertThat(longs.get(k, -1)).isEqualTo(2L * v);
            assertThat(objects.get(k)).isEqualTo("k" + k);
        });
        int seen = 0;
        for (int slot = 0; slot < ints.capacity(); slot++) {
            if (ints.occupied(slot)) {
                seen++;
                assertThat(ints.valueAt(slot)).isEqualTo(expected.get(ints.keyAt(slot)));
            }
        }
        assertThat(seen).isEqualTo(expected.size());
        assertThat(ints.get(12345L, -1)).isEqualTo(expected.getOrDefault(12345L, -1));
    }

    @Test
    void theReservedKeyIsStoredAndClearEmptiesTheMap() {
        LongIntMap m = new LongIntMap(16);
        m.put(Long.MIN_VALUE, 7);
        assertThat(m.get(Long.MIN_VALUE, -1)).isEqualTo(7);
        assertThat(m.putIfAbsent(Long.MIN_VALUE, 9)).isEqualTo(7);
        m.clear();
        assertThat(m.size()).isZero();
        assertThat(m.get(Long.MIN_VALUE, -1)).isEqualTo(-1);
        LongObjectMap<String> o = new LongObjectMap<>(16);
        assertThat(o.putIfAbsent(5, "a")).isTrue();
        assertThat(o.putIfAbsent(5, "b")).isFalse();
        o.clear();
        assertThat(o.get(5)).isNull();
    }
}
