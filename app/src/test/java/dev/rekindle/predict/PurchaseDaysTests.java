package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PurchaseDaysTests {

    private final PurchaseDays days = new PurchaseDays();

    @Test
    void purchasesOfOneDayShouldCountOnceAndTheirAmountsAddUp() {
        add("2024-01-01", 10);
        add("2024-01-01", 5);
        add("2024-01-15", 20);
        add("2024-01-15", 4);
        add("2024-02-12", 30);

        RepeatPurchases s = days.summarise(day("2024-03-11"));

        assertEquals(2, s.frequency());
        assertEquals(42, s.recencyDays());
        assertEquals(70, s.ageDays());
        assertEquals(10.0, s.ageWeeks());
        assertEquals((24 + 30) / 2.0, s.monetary(), 1e-12); // the first day's 15 is left out
    }

    /** rekindle.purchase-occasion=order: the same five orders are five purchases, four of them repeats. */
    @Test
    void withOrdersAsOccasionsEverySameDayOrderShouldCount() {
        PurchaseDays orders = new PurchaseDays(true);
        for (String[] o : new String[][]{{"2024-01-01", "10"}, {"2024-01-01", "5"}, {"2024-01-15", "20"},
                {"2024-01-15", "4"}, {"2024-02-12", "30"}}) {
            orders.add(day(o[0]), Double.parseDouble(o[1]));
        }

        RepeatPurchases s = orders.summarise(day("2024-03-11"));

        assertEquals(4, s.frequency());
        assertEquals(42, s.recencyDays());
        assertEquals(70, s.ageDays());
        assertEquals((5 + 20 + 4 + 30) / 4.0, s.monetary(), 1e-12, "the first order alone is left out of the spend");
    }

    @Test
    void aOneTimeBuyerHasNoRepeatSpend() {
        add("2024-05-05", 99);
        add("2024-05-05", 1);

        RepeatPurchases s = days.summarise(day("2024-05-05"));

        assertEquals(new RepeatPurchases(0, 0, 0, 0), s);
    }

    @Test
    void clearShouldStartTheNextCustomer() {
        add("2024-01-01", 10);
        add("2024-02-01", 10);
        days.clear();
        add("2024-03-01", 7);

        assertEquals(new RepeatPurchases(0, 0, 10, 0), days.summarise(day("2024-03-11")));
    }

    @Test
    void purchasesOutOfOrderOrAfterTheAsOfDateAreRefused() {
        add("2024-03-01", 1);
        assertThrows(IllegalArgumentException.class, () -> add("2024-02-01", 1));
        assertThrows(IllegalArgumentException.class, () -> days.summarise(day("2024-02-28")));
    }

    private void add(String date, double amount) {
        days.add(day(date), amount);
    }

    private static long day(String date) {
        return LocalDate.parse(date).toEpochDay();
    }
}
