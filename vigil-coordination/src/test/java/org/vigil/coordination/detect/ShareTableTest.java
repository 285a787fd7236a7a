package org.vigil.coordination.detect;

import org.junit.jupiter.api.Test;
import org.vigil.model.CoordinationKind;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ShareTableTest {
    @Test
    void groupingFindsEveryObjectSharedTwiceOrMoreAndNothingElse() {
        ShareTable t = new ShareTable(CoordinationKind.CO_LINK);
        SplittableRandom r = new SplittableRandom(3);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 200_000; i++) {
            long key = r.nextInt(10) == 0 ? r.nextInt(5000) : r.nextLong(); // a few popular keys among singletons
            t.add(key, i % 97, 1000 + i, i);
            expected.merge(key, 1, Integer::sum);
        }
        expected.values().removeIf(c -> c < 2);
        ShareTable.Groups g = t.objects();
        assertThat(g.count()).isEqualTo(expected.size());
        ObjectShares s = new ObjectShares();
        int total = 0;
        for (int i = 0; i < g.count(); i++) {
            t.load(g, i, s);
            assertThat(s.size()).isEqualTo(expected.get(s.objectKey()));
            for (int j = 1; j < s.size(); j++) {
                assertThat(s.time(j)).isGreaterThanOrEqualTo(s.time(j - 1));
            }
            total += s.size();
        }
        assertThat(total).isEqualTo(expected.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void anEmptyTableHasNoObjects() {
        assertThat(new ShareTable(CoordinationKind.CO_TWEET).objects().count()).isZero();
    }
}
