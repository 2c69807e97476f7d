package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuantileScaleTests {

    @Test
    void shouldScoreDistinctValuesLikeNtile() {
        double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        QuantileScale s = QuantileScale.fit(values, values.length);

        int[] scores = Arrays.stream(values).mapToInt(v -> s.score(v)).toArray();

        assertArrayEquals(new int[]{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, scores);
    }

    @Test
    void shouldScoreTiesEqually() {
        // NTILE(5) would put the six 1s into scores 1, 1, 2, 2, 3, 3
        double[] values = {1, 1, 1, 1, 1, 1, 2, 2, 3, 9};
        QuantileScale s = QuantileScale.fit(values, values.length);

        assertEquals(1, s.score(1));
        assertEquals(4, s.score(2), "2 is above the 20/40/60 % cuts (all 1) and not above the 80 % cut (2)");
        assertEquals(5, s.score(3));
        assertEquals(5, s.score(9));
        assertArrayEquals(new double[]{1, 1, 1, 2}, s.cuts());
    }

    @Test
    void shouldGiveEveryoneTheSameScoreWhenAllValuesAreEqual() {
        double[] values = {3, 3, 3, 3};
        QuantileScale s = QuantileScale.fit(values, values.length);

        assertEquals(1, s.score(3));
    }

    @Test
    void shouldGiveTheFewestDaysTheHighestRecencyScore() {
        double[] days = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90};
        QuantileScale r = QuantileScale.fitLowerIsBetter(days, days.length);

        assertEquals(5, r.score(0));
        assertEquals(5, r.score(10));
        assertEquals(1, r.score(90));
        assertEquals(1, r.score(80));
        assertEquals(3, r.score(40));
        assertArrayEquals(new double[]{80, 60, 40, 20}, r.cuts(), "cuts in days, passing the first gives 2");
    }

    @Test
    void shouldUseOnlyTheFirstCountValues() {
        double[] values = {5, 1, 999, 999};
        QuantileScale s = QuantileScale.fit(values, 2);

        assertArrayEquals(new double[]{1, 1, 5, 5}, s.cuts());
        assertEquals(1, s.score(1));
        assertEquals(3, s.score(5), "with two customers the better one passes the 20 and 40 % cuts only");
    }
}
