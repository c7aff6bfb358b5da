package dev.benchdeck.driver.jdbc.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    @Test
    void uniformStaysInItsRangeAndReachesBothEnds() {
        KeyChooser keys = KeyChooser.uniform(5, 9);
        SplittableRandom random = new SplittableRandom(1);
        long[] seen = new long[10];
        for (int i = 0; i < 10_000; i++) {
            seen[(int) keys.next(random)]++;
        }
        assertThat(seen[4]).isZero();
        for (int v = 5; v <= 9; v++) {
            assertThat(seen[v]).isBetween(1800L, 2200L);
        }
    }

    private static double zeta(int n, double skew) {
        double sum = 0;
        for (int i = n; i >= 1; i--) {
            sum += 1 / Math.pow(i, skew);
        }
        return sum;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.99, 1.0, 1.5})
    void zipfianFollowsOneOverRankToTheSkew(double skew) {
        int n = 1000;
        ZipfianKeys keys = new ZipfianKeys(101, 100 + n, skew);
        SplittableRandom random = new SplittableRandom(7);
        long[] counts = new long[n];
        int draws = 1_000_000;
        for (int i = 0; i < draws; i++) {
            long k = keys.next(random);
            assertThat(k).isBetween(101L, 1100L);
            counts[(int) (k - 101)]++;
        }
        double zeta = zeta(n, skew);
        for (int rank : List.of(1, 2, 3, 10, 100)) {
            double expected = draws / Math.pow(rank, skew) / zeta;
            assertThat((double) counts[rank - 1]).as("rank " + rank).isCloseTo(expected, within(expected * 0.05 + 100));
        }
        assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[9]);
    }

    @Test
    void deletesTakeThisRunsInsertsOldestFirstThenExistingIds() {
        RunIds ids = new RunIds(1001, KeyChooser.uniform(1, 1000));
        SplittableRandom random = new SplittableRandom(3);
        assertThat(ids.allocate(1)).isEqualTo(1001);
        assertThat(ids.allocate(10)).isEqualTo(1002);
        assertThat(ids.nextInsert()).isEqualTo(1012);
        for (long expected = 1001; expected < 1012; expected++) {
            assertThat(ids.toDelete(random)).isEqualTo(expected);
        }
        assertThat(ids.toDelete(random)).isBetween(1L, 1000L);
    }

    @Test
    void aMixPicksByWeight() {
        Operation a = (c, r) -> { };
        Operation b = (c, r) -> { };
        OperationMix mix = new OperationMix(List.of(new OperationMix.Weighted(a, 3), new OperationMix.Weighted(b, 1)));
        assertThat(mix.pick(0)).isSameAs(a);
        assertThat(mix.pick(2)).isSameAs(a);
        assertThat(mix.pick(3)).isSameAs(b);
    }
}
