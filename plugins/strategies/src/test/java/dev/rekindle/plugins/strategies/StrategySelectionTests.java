package dev.rekindle.plugins.strategies;

import static dev.rekindle.plugins.strategies.Customers.AS_OF;
import static dev.rekindle.plugins.strategies.Customers.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PastOrder;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.api.Strategy;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each strategy's choice on hand-built customers, as of 2026-11-22. */
class StrategySelectionTests {

    static final PlanContext CTX = new PlanContext(AS_OF);

    static boolean picks(Strategy s, CustomerView c) {
        return s.decide(c, CTX).isPresent();
    }

    @Test
    void postPurchaseThanksPicksCustomersWhoseFirstOrderWasSevenDaysAgo() {
        PostPurchaseThanks s = new PostPurchaseThanks();
        CustomerView week = buyer(1, Stage.ACTIVE, RfmSegment.GENERAL_DEVELOP, 7).firstOrder(AS_OF.minusDays(7)).frequency(1).build();
        CustomerView sixDays = buyer(2, Stage.ACTIVE, RfmSegment.GENERAL_DEVELOP, 6).firstOrder(AS_OF.minusDays(6)).frequency(1).build();
        CustomerView old = buyer(3, Stage.ACTIVE, RfmSegment.GENERAL_DEVELOP, 7).firstOrder(AS_OF.minusDays(300)).build();

        assertTrue(picks(s, week));
        assertFalse(picks(s, sixDays));
        assertFalse(picks(s, old));
        assertEquals(Purpose.CARE, s.purpose());
        assertNull(s.decide(week, CTX).get().offer(), "care: no offer by default");
        assertEquals("美妆护肤", s.decide(week, CTX).get().facts().get("category"));
        CandidateFilter f = s.candidates(CTX);
        assertEquals(7, f.minDaysSinceFirstOrder());
        assertEquals(7, f.maxDaysSinceFirstOrder());
    }

    @Test
    void dormancyReminderPicksCustomersReachingDayEighty() {
        DormancyReminder s = new DormancyReminder();

        assertTrue(picks(s, buyer(1, Stage.ACTIVE, RfmSegment.GENERAL_KEEP, 80).build()));
        assertFalse(picks(s, buyer(2, Stage.ACTIVE, RfmSegment.GENERAL_KEEP, 79).build()));
        assertFalse(picks(s, buyer(3, Stage.ACTIVE, RfmSegment.GENERAL_KEEP, 81).build()));
        assertEquals("coupon-10", s.decide(buyer(4, Stage.ACTIVE, RfmSegment.GENERAL_KEEP, 80).build(), CTX).get().offer().code());
        assertEquals("points-double",
                s.decide(buyer(5, Stage.ACTIVE, RfmSegment.IMPORTANT_VALUE, 80).build(), CTX).get().offer().code(),
                "valuable customers need no discount");
    }

    @Test
    void dormancyDayAndWindowAreSettings() {
        DormancyReminder s = new DormancyReminder();
        s.configure(Map.of("dormancy-reminder.day", "60", "dormancy-reminder.window-days", "7"));

        assertTrue(picks(s, buyer(1, Stage.ACTIVE, null, 66).build()));
        assertFalse(picks(s, buyer(2, Stage.ACTIVE, null, 67).build()));
        assertEquals(60, s.candidates(CTX).minRecencyDays());
        assertEquals(66, s.candidates(CTX).maxRecencyDays());
    }

    @Test
    void winbackStrategiesPickTheirStageWithAStrongerOfferForLaterStages() {
        WinbackSilent silent = new WinbackSilent();
        WinbackSleeping sleeping = new WinbackSleeping();
        LastCallLost lost = new LastCallLost();
        CustomerView s1 = buyer(1, Stage.SILENT, RfmSegment.IMPORTANT_KEEP, 120).build();
        CustomerView s2 = buyer(2, Stage.SLEEPING, RfmSegment.IMPORTANT_KEEP, 200).build();
        CustomerView s3 = buyer(3, Stage.LOST, RfmSegment.IMPORTANT_KEEP, 300).build();
        CustomerView general = buyer(4, Stage.SILENT, RfmSegment.GENERAL_RETAIN, 120).build();

        assertTrue(picks(silent, s1));
        assertFalse(picks(silent, s2));
        assertTrue(picks(sleeping, s2));
        assertFalse(picks(sleeping, s3));
        assertTrue(picks(lost, s3));
        assertFalse(picks(lost, buyer(5, Stage.GONE, RfmSegment.IMPORTANT_KEEP, 400).build()));
        assertEquals("coupon-20", silent.decide(s1, CTX).get().offer().code());
        assertEquals("coupon-10", silent.decide(general, CTX).get().offer().code());
        assertEquals("coupon-30", sleeping.decide(s2, CTX).get().offer().code());
        assertEquals("cash-20", lost.decide(s3, CTX).get().offer().code());
        assertEquals(java.util.Set.of(Stage.SILENT), silent.candidates(CTX).stages());
    }

    @Test
    void offerTiersAndSegmentMappingAreConfigurable() {
        WinbackSilent s = new WinbackSilent();
        s.configure(Map.of("winback-silent.offer.general_retain", "gift", "tiers.gift.title", "回购赠品：小样三件套"));

        Decision d = s.decide(buyer(1, Stage.SILENT, RfmSegment.GENERAL_RETAIN, 120).build(), CTX).orElseThrow();

        assertEquals("gift", d.offer().code());
        assertEquals("回购赠品：小样三件套", d.offer().title());
    }

    @Test
    void aTypoInTheSettingsFailsAtConfigureTime() {
        WinbackSilent s = new WinbackSilent();

        IllegalArgumentException unknownKey = assertThrows(IllegalArgumentException.class,
                () -> s.configure(Map.of("winback-silent.min-monetry", "100")));
        assertTrue(unknownKey.getMessage().contains("min-monetary"), unknownKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.configure(Map.of("winback-silent.offer.default", "coupon-99")));
        assertThrows(IllegalArgumentException.class, () -> s.configure(Map.of("winback-silent.offer.vip", "coupon-10")));
    }

    @Test
    void birthdayCarePicksBirthdaysThreeDaysAheadInTheRightStages() {
        BirthdayCare s = new BirthdayCare();
        CustomerView in3 = buyer(1, Stage.ACTIVE, null, 10).birthday(MonthDay.of(11, 25), 1990).build();
        CustomerView in4 = buyer(2, Stage.ACTIVE, null, 10).birthday(MonthDay.of(11, 26), 1990).build();
        CustomerView gone = buyer(3, Stage.GONE, null, 500).birthday(MonthDay.of(11, 25), 1990).build();
        CustomerView none = buyer(4, Stage.ACTIVE, null, 10).build();

        assertTrue(picks(s, in3));
        assertFalse(picks(s, in4));
        assertFalse(picks(s, gone));
        assertFalse(picks(s, none));
        assertEquals("11月25日", s.decide(in3, CTX).get().facts().get("birthday"));
        assertEquals(java.util.Set.of(MonthDay.of(11, 25)), s.candidates(CTX).birthdays());
    }

    @Test
    void aLeapDayBirthdayIsCelebratedOnTheTwentyEighthInOtherYears() {
        BirthdayCare s = new BirthdayCare();
        PlanContext feb25 = new PlanContext(LocalDate.of(2027, 2, 25));
        CustomerView leap = buyer(1, Stage.ACTIVE, null, 10).birthday(MonthDay.of(2, 29), 2000).build();

        assertTrue(s.decide(leap, feb25).isPresent());
        assertTrue(s.candidates(feb25).birthdays().contains(MonthDay.of(2, 29)));
    }

    @Test
    void holidayGreetingGreetsForTheNextHolidayWithinTheLeadDays() {
        HolidayGreeting s = new HolidayGreeting();
        CustomerView c = buyer(1, Stage.ACTIVE, null, 10).build();

        // 2026-11-22: Thanksgiving (26 Nov) is 4 days ahead
        assertTrue(picks(s, c));
        assertEquals("感恩节", s.occasion(CTX).get().facts().get("holiday"));
        // Mid-Autumn 2027 is on 15 September (lunar): greeted from 8 September
        PlanContext sep10 = new PlanContext(LocalDate.of(2027, 9, 10));
        assertEquals("中秋节", s.occasion(sep10).get().facts().get("holiday"));
        assertEquals("9月15日", s.occasion(sep10).get().facts().get("holiday_date"));
        // Spring Festival 2027 is on 6 February
        assertEquals("春节", s.occasion(new PlanContext(LocalDate.of(2027, 2, 3))).get().facts().get("holiday"));
        // nothing near on 2027-07-15: nobody is read
        PlanContext july = new PlanContext(LocalDate.of(2027, 7, 15));
        assertTrue(s.candidates(july).nobody());
        assertFalse(s.decide(c, july).isPresent());
        assertTrue(s.occasion(july).get().summary().contains("no holiday within 7 days"), s.occasion(july).get().summary());
        assertFalse(picks(s, buyer(2, Stage.GONE, null, 500).build()), "gone customers are not greeted by default");
    }

    @Test
    void holidayCalendarTakesTheShopsOwnDaysAndAPinnedHoliday() {
        HolidayGreeting s = new HolidayGreeting();
        s.configure(Map.of("holiday-greeting.holidays", "new-year,member-day",
                "holiday-greeting.dates.member-day", "07-18", "holiday-greeting.names.member-day", "会员日"));

        assertEquals("会员日", s.occasion(new PlanContext(LocalDate.of(2027, 7, 15))).get().facts().get("holiday"));

        s.configure(Map.of("holiday-greeting.holiday", "dragon-boat"));
        assertEquals("6月9日", s.occasion(new PlanContext(LocalDate.of(2027, 1, 2))).get().facts().get("holiday_date"));
        assertThrows(IllegalArgumentException.class, () -> s.configure(Map.of("holiday-greeting.holidays", "labour-day")));
    }

    @Test
    void vipExclusivePicksImportantValueAndKeepWithTheirOwnOffers() {
        VipExclusive s = new VipExclusive();

        assertEquals("vip-early", s.decide(buyer(1, Stage.ACTIVE, RfmSegment.IMPORTANT_VALUE, 20).build(), CTX).get().offer().code());
        assertEquals("coupon-20", s.decide(buyer(2, Stage.SILENT, RfmSegment.IMPORTANT_KEEP, 150).build(), CTX).get().offer().code());
        assertFalse(picks(s, buyer(3, Stage.ACTIVE, RfmSegment.GENERAL_VALUE, 20).build()));
        assertFalse(picks(s, buyer(4, Stage.GONE, RfmSegment.IMPORTANT_KEEP, 500).build()));
        assertEquals(List.of("wechat", "sms", "email"), s.channels());
    }

    @Test
    void newProductTrialPicksLoyalCustomersOfTheCategory() {
        NewProductTrial s = new NewProductTrial();
        CustomerView loyal = buyer(1, Stage.ACTIVE, RfmSegment.IMPORTANT_VALUE, 20).frequency(5).build();
        CustomerView once = buyer(2, Stage.ACTIVE, RfmSegment.GENERAL_DEVELOP, 20).frequency(1).build();

        assertTrue(picks(s, loyal));
        assertFalse(picks(s, once));
        assertEquals("美妆护肤新品", s.decide(loyal, CTX).get().facts().get("product"));

        s.configure(Map.of("new-product-trial.category", "母婴用品", "new-product-trial.product", "有机米粉"));
        assertFalse(picks(s, loyal), "buys skincare, not baby products");
        assertTrue(picks(s, buyer(3, Stage.SILENT, null, 100).frequency(4).mainCategory("母婴用品").build()));
        assertEquals(java.util.Set.of("母婴用品"), s.candidates(CTX).mainCategories());
    }

    @Test
    void replenishmentReminderPicksTheLatestPurchaseOfACategoryAboutToRunOut() {
        ReplenishmentReminder s = new ReplenishmentReminder();
        PastOrder nappies = order("o1", AS_OF.minusDays(23), "母婴用品", 30); // runs out in 7 days
        PastOrder oldNappies = order("o0", AS_OF.minusDays(53), "母婴用品", 30);
        PastOrder skincare = order("o2", AS_OF.minusDays(40), "美妆护肤", 90);

        CustomerView due = buyer(1, Stage.ACTIVE, null, 23).lastOrders(List.of(nappies, skincare)).build();
        CustomerView notYet = buyer(2, Stage.ACTIVE, null, 40).lastOrders(List.of(skincare)).build();
        CustomerView reboughtSince = buyer(3, Stage.ACTIVE, null, 5)
                .lastOrders(List.of(order("o3", AS_OF.minusDays(5), "母婴用品", 30), oldNappies)).build();
        CustomerView noLifespan = buyer(4, Stage.ACTIVE, null, 23).lastOrders(List.of(order("o4", AS_OF.minusDays(23), "其他", null))).build();

        Optional<Decision> d = s.decide(due, CTX);
        assertTrue(d.isPresent());
        assertEquals("母婴用品", d.get().facts().get("category"));
        assertEquals("7", d.get().facts().get("days_left"));
        assertEquals("10月30日", d.get().facts().get("bought_on"));
        assertFalse(picks(s, notYet));
        assertFalse(picks(s, reboughtSince), "a later purchase of the category resets the clock");
        assertFalse(picks(s, noLifespan));
        assertEquals(5, s.candidates(CTX).lastOrders());
    }

    private static PastOrder order(String no, LocalDate day, String category, Integer lifespan) {
        return new PastOrder(no, day.atTime(20, 0), 99, category, 1, lifespan);
    }

    @Test
    void everyStrategySampleFillsTheFactsItsTemplatesUseForAnyCustomer() {
        CustomerView anyone = buyer(9, Stage.GONE, RfmSegment.GENERAL_RETAIN, 700).build();
        List<Strategy> all = List.of(new PostPurchaseThanks(), new DormancyReminder(), new WinbackSilent(), new WinbackSleeping(),
                new LastCallLost(), new BirthdayCare(), new HolidayGreeting(), new VipExclusive(), new NewProductTrial(),
                new ReplenishmentReminder());
        assertEquals(10, all.stream().map(Strategy::id).distinct().count());
        for (Strategy s : all) {
            Decision d = s.sample(anyone, CTX);
            assertFalse(d.channels().isEmpty(), s.id());
            assertFalse(s.targets().isBlank(), s.id());
            assertTrue(s.settings().keySet().stream().allMatch(k -> k.startsWith(s.id() + ".")), s.id() + " " + s.settings());
        }
        assertTrue(new HolidayGreeting().sample(anyone, new PlanContext(LocalDate.of(2027, 7, 15))).facts().containsKey("holiday"));
        assertTrue(new ReplenishmentReminder().sample(anyone, CTX).facts().containsKey("category"));
    }
}
