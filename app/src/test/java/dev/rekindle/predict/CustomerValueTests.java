package dev.rekindle.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CustomerValueTests {

    private static final BgNbd MODEL = new BgNbd(0.243, 4.414, 0.793, 2.426);
    private static final RepeatPurchases CUSTOMER = new RepeatPurchases(5, 200, 260, 40);

    @Test
    void withoutDiscountTheValueIsExpectedPurchasesTimesSpend() {
        CustomerValue plain = new CustomerValue(12, 365.0 / 12 / 7, 0, 1);
        double purchases = MODEL.expectedPurchases(365.0 / 7, CUSTOMER);
        assertEquals(purchases * 30, plain.of(MODEL, 30, CUSTOMER), 1e-9);
    }

    @Test
    void marginAndDiscountShouldLowerTheValue() {
        double revenue = CustomerValue.nextYear(0, 1).of(MODEL, 30, CUSTOMER);
        double discounted = CustomerValue.nextYear(0.10, 1).of(MODEL, 30, CUSTOMER);
        double profit = CustomerValue.nextYear(0.10, 0.3).of(MODEL, 30, CUSTOMER);
        assertTrue(discounted < revenue && discounted > revenue * 0.9, revenue + " vs " + discounted);
        assertEquals(discounted * 0.3, profit, 1e-9);
    }

    @Test
    void theYearAheadIsTwelveMonthsDiscountedToTheAnnualRate() {
        CustomerValue year = CustomerValue.nextYear(0.10, 1);
        assertEquals(12, year.periods());
        assertEquals(365.0 / 7, year.periods() * year.weeksPerPeriod(), 1e-9);
        assertEquals(1.10, Math.pow(1 + year.discountPerPeriod(), 12), 1e-12);
    }
}
