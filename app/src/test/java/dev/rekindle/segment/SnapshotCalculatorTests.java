package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a snapshot on hand-made facts, without a database. */
class SnapshotCalculatorTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 1, 1);

    @Test
    void shouldMeasureRecencyInCalendarDaysUpToTheAsOfDate() {
        CustomerFacts f = new CustomerFacts(4);
        f.add(1, "2025-01-01 23:59:59", 2, 20, null);   // bought on the as-of date
        f.add(2, "2024-12-31 23:59:59", 1, 10, null);
        f.add(3, "2024-10-03 08:00:00", 1, 10, null);   // 90 days before

        ScoredCustomers s = SnapshotCalculator.compute(f, SegmentSettings.defaults(), AS_OF);

        assertEquals(0, s.recency[0]);
        assertEquals(1, s.recency[1]);
        assertEquals(90, s.recency[2]);
        assertEquals(Stage.ACTIVE, stage(s, 1));
        assertEquals(Stage.SILENT, stage(s, 2), "day 90 is the first day of silence");
    }

    @Test
    void shouldUseTheThresholdsOfTheCustomersMainCategory() {
        SegmentSettings settings = SegmentSettings.defaults()
                .withCategoryStages(Map.of("母婴用品", StageThresholds.parse("30,60,90,180")));
        CustomerFacts f = new CustomerFacts(2);
        f.add(1, "2024-11-17 09:00:00", 1, 99, "母婴用品");   // 45 days
        f.add(2, "2024-11-17 09:00:00", 1, 99, "数码配件");   // 45 days, global thresholds
        f.add(3, "2024-01-01 09:00:00", 1, 99, "母婴用品");   // 366 days

        ScoredCustomers s = SnapshotCalculator.compute(f, settings, AS_OF);

        assertEquals(Stage.SILENT, stage(s, 0));
        assertEquals(Stage.ACTIVE, stage(s, 1));
        assertEquals(Stage.GONE, stage(s, 2));
    }

    @Test
    void shouldLeaveCustomersWhoNeverBoughtUnscored() {
        CustomerFacts f = new CustomerFacts(2);
        f.add(1, null, 0, 0, null);
        f.add(2, "2024-12-01 10:00:00", 1, 10, null);

        ScoredCustomers s = SnapshotCalculator.compute(f, SegmentSettings.defaults(), AS_OF);

        assertEquals(Stage.NONE, stage(s, 0));
        assertEquals(-1, s.recency[0]);
        assertEquals(0, s.r[0]);
        assertEquals(-1, s.segment[0]);
        assertEquals(1, s.scored);
    }

    @Test
    void shouldNotScoreCustomersWithoutPurchasesInTheWindowButKeepTheirStage() {
        CustomerFacts f = new CustomerFacts(2);
        f.add(1, "2023-06-01 10:00:00", 0, 0, null);    // bought, but not in the window
        f.add(2, "2024-12-01 10:00:00", 1, 10, null);

        ScoredCustomers s = SnapshotCalculator.compute(f, SegmentSettings.defaults().withWindowMonths(12), AS_OF);

        assertEquals(Stage.GONE, stage(s, 0));
        assertEquals(0, s.r[0]);
        assertEquals(-1, s.segment[0]);
        assertEquals(1, s.scored);
        assertEquals(1, s.r[1], "the only scored customer passes no cut");
        assertEquals(RfmSegment.GENERAL_RETAIN, segment(s, 1));
    }

    @Test
    void shouldSplitTheEightSegmentsWithRecentMeaningHighR() {
        // ten customers: recency i*10 days, frequency and monetary chosen per quadrant
        CustomerFacts f = new CustomerFacts(10);
        String[] last = {"2024-12-31", "2024-12-30", "2024-12-29", "2024-12-28", "2024-12-27",
                         "2024-06-01", "2024-05-01", "2024-04-01", "2024-03-01", "2024-02-01"};
        int[] orders = {9, 9, 1, 1, 1, 9, 9, 1, 1, 1};
        double[] money = {900, 10, 900, 10, 10, 900, 10, 900, 10, 10};
        for (int i = 0; i < 10; i++) {
            f.add(i + 1, last[i] + " 12:00:00", orders[i], money[i], null);
        }

        ScoredCustomers s = SnapshotCalculator.compute(f, SegmentSettings.defaults().withMethod(ScoringMethod.MEAN), AS_OF);

        assertEquals(RfmSegment.IMPORTANT_VALUE, segment(s, 0));
        assertEquals(RfmSegment.GENERAL_VALUE, segment(s, 1));
        assertEquals(RfmSegment.IMPORTANT_DEVELOP, segment(s, 2));
        assertEquals(RfmSegment.GENERAL_DEVELOP, segment(s, 3));
        assertEquals(RfmSegment.IMPORTANT_KEEP, segment(s, 5));
        assertEquals(RfmSegment.GENERAL_KEEP, segment(s, 6));
        assertEquals(RfmSegment.IMPORTANT_RETAIN, segment(s, 7));
        assertEquals(RfmSegment.GENERAL_RETAIN, segment(s, 8));
    }

    @Test
    void shouldSplitHighAndLowOnTheAverageScoreWithQuintiles() {
        CustomerFacts f = new CustomerFacts(10);
        for (int i = 0; i < 10; i++) {
            String day = AS_OF.minusDays(i * 10L) + " 12:00:00";
            f.add(i + 1, day, 10 - i, 100.0 * (10 - i), null);
        }

        ScoredCustomers s = SnapshotCalculator.compute(f, SegmentSettings.defaults(), AS_OF);

        // scores 5,5,4,4,3,3,2,2,1,1 on every axis; the average is 3: high means 4 or 5
        assertEquals(RfmSegment.IMPORTANT_VALUE, segment(s, 3));
        assertEquals(RfmSegment.GENERAL_RETAIN, segment(s, 4));
        assertEquals(5, s.r[0]);
        assertEquals(1, s.r[9]);
    }

    @Test
    void shouldCountCellsForTheSummaries() {
        CustomerFacts f = new CustomerFacts(3);
        f.add(1, null, 0, 0, null);
        f.add(2, "2024-12-01 10:00:00", 2, 30.5, null);
        f.add(3, "2024-12-01 10:00:00", 2, 30.5, null);

        ScoredCustomers s = SnapshotCalculator.compute(f, SegmentSettings.defaults(), AS_OF);

        int noneCell = ScoredCustomers.cell(Stage.NONE.ordinal(), -1, 0, 0);
        int twinCell = ScoredCustomers.cell(s.stage[1], s.segment[1], s.r[1], s.f[1]);
        assertEquals(1, s.cellCustomers[noneCell]);
        assertEquals(2, s.cellCustomers[twinCell], "identical customers land in the same cell");
        assertEquals(61.0, s.cellMonetary[twinCell], 1e-9);
    }

    private static Stage stage(ScoredCustomers s, int i) {
        return Stage.values()[s.stage[i]];
    }

    private static RfmSegment segment(ScoredCustomers s, int i) {
        return RfmSegment.values()[s.segment[i]];
    }
}
