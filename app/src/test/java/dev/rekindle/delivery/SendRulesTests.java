package dev.rekindle.delivery;

import dev.rekindle.guard.FrequencyCap;
import dev.rekindle.guard.QuietHours;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small rules of sending, as operators write them in settings. */
class SendRulesTests {

    @Test
    void quietHoursWrapMidnightAndEndTheNextMorning() {
        QuietHours q = QuietHours.parse("21:00-08:00");

        assertTrue(q.isQuiet(LocalTime.of(21, 0)));
        assertTrue(q.isQuiet(LocalTime.of(2, 30)));
        assertFalse(q.isQuiet(LocalTime.of(8, 0)));
        assertFalse(q.isQuiet(LocalTime.of(20, 59)));
        assertEquals(LocalDateTime.of(2025, 3, 11, 8, 0), q.endAfter(LocalDateTime.of(2025, 3, 10, 22, 15)));
        assertEquals(LocalDateTime.of(2025, 3, 11, 8, 0), q.endAfter(LocalDateTime.of(2025, 3, 11, 6, 0)));
    }

    @Test
    void quietHoursWithinADayAndNone() {
        QuietHours lunch = QuietHours.parse("12:00 - 13:30");

        assertTrue(lunch.isQuiet(LocalTime.of(12, 45)));
        assertFalse(lunch.isQuiet(LocalTime.of(13, 30)));
        assertFalse(QuietHours.parse("none").isQuiet(LocalTime.of(3, 0)));
        assertThrows(IllegalArgumentException.class, () -> QuietHours.parse("late"));
    }

    @Test
    void ratesReadAsOperatorsWriteThem() {
        assertEquals(50.0, RateSpec.parse("50/s").perSecond(), 1e-9);
        assertEquals(20.0 / 60, RateSpec.parse("20/min").perSecond(), 1e-9);
        assertEquals(1000.0 / 3600, RateSpec.parse("1000/h").perSecond(), 1e-9);
        assertTrue(RateSpec.parse("unlimited").unlimited());
        assertEquals("20/min", RateSpec.parse("20/min").toString());
        assertEquals("19/min", RateSpec.perSecond(19.0 / 60).toString());
        assertThrows(IllegalArgumentException.class, () -> RateSpec.parse("50/fortnight"));
    }

    @Test
    void aRateThatIsNoNumberSaysHowToWriteOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateSpec.parse("fast"));
        assertEquals("a rate looks like 50/s, 20/min or 1000/h, got 'fast'", e.getMessage());
        assertEquals("a rate looks like 50/s, 20/min or 1000/h, got 'x/min'",
                assertThrows(IllegalArgumentException.class, () -> RateSpec.parse("x/min")).getMessage());
    }

    @Test
    void capsReadAsCountPerDays() {
        assertEquals(List.of(new FrequencyCap(1, 7), new FrequencyCap(4, 30)), FrequencyCap.parseList("1/7d, 4/30d"));
        assertEquals(List.of(), FrequencyCap.parseList("none"));
        assertEquals("cap:1/7d", dev.rekindle.guard.SkipReason.cap(new FrequencyCap(1, 7)).code());
        assertThrows(IllegalArgumentException.class, () -> FrequencyCap.parseList("1 per week"));
    }

    @Test
    void backoffGrowsIsCappedAndNeverComesBeforeRetryAfter() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

        for (int i = 0; i < 50; i++) {
            long first = p.delay(1, null).toMillis();
            long fourth = p.delay(4, null).toMillis();
            long tenth = p.delay(10, null).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(fourth >= 400 && fourth <= 800, "fourth " + fourth);
            assertTrue(tenth >= 500 && tenth <= 1000, "capped " + tenth);
            assertTrue(p.delay(1, Duration.ofSeconds(3)).toMillis() >= 3000);
        }
        assertTrue(p.mayRetry(4));
        assertFalse(p.mayRetry(5));
    }

    @Test
    void theKeyIsStableCarriesNoPersonalDataAndGroupsAreKeyedByDigest() {
        DeliveryRequest customer = new DeliveryRequest(42, 1007, "王小明的淘宝号", "sms", "13812345678", null, "x", null,
                dev.rekindle.api.Purpose.CARE, null, false);
        DeliveryRequest group = new DeliveryRequest(42, 0, null, "wecom-robot", "老客福利群", null, "x", null,
                dev.rekindle.api.Purpose.CARE, null, false);

        assertEquals("rk-c42-u1007-sms", customer.key());
        assertTrue(group.key().startsWith("rk-c42-g"));
        assertFalse(group.key().contains("老客"));
        assertEquals(group.key(), new DeliveryRequest(42, 0, null, "wecom-robot", "老客福利群", null, "y", null,
                dev.rekindle.api.Purpose.MARKETING, null, false).key());
    }

    @Test
    void detailsNeverKeepAFullMobileNumber() {
        assertEquals("SignatureDoesNotMatch: PhoneNumbers=138****5678&SignName=x, call +86 138****0000",
                Redaction.of("SignatureDoesNotMatch: PhoneNumbers=13812345678&SignName=x, call +86 13800000000"));
        assertEquals("order 202503101234567890", Redaction.of("order 202503101234567890"));
    }
}
