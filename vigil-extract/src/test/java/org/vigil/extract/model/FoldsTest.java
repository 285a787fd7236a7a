package org.vigil.extract.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FoldsTest {
    @ParameterizedTest
    @CsvSource({"105,5,17", "10,3,1", "7,7,9", "47,4,17"})
    void everyArticleIsInExactlyOneFoldAndFoldsDifferInSizeByOneAtMost(int n, int k, long seed) {
        List<List<Integer>> folds = ModelTrainer.folds(n, k, seed);
        assertThat(folds).hasSize(k);
        Set<Integer> seen = new HashSet<>();
        for (List<Integer> f : folds) {
            for (int i : f) {
                assertThat(seen.add(i)).as("article %d in two folds", i).isTrue();
            }
        }
        assertThat(seen).hasSize(n);
        int min = folds.stream().mapToInt(List::size).min().orElseThrow();
        int max = folds.stream().mapToInt(List::size).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"20,4"})
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers(int n, int k) {
        assertThat(ModelTrainer.folds(n, k, 5)).isEqualTo(ModelTrainer.folds(n, k, 5));
        assertThat(ModelTrainer.folds(n, k, 5)).isNotEqualTo(ModelTrainer.folds(n, k, 6));
    }
}
