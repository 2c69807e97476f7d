package dev.rekindle.imports.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValueReadersTests {

    final DateTimes dates = new DateTimes(ZoneId.of("Asia/Shanghai"), null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2024-03-05 14:30:00          | 2024-03-05 14:30:00
            2024-03-05                   | 2024-03-05 00:00:00
            2024-03-05 14:30             | 2024-03-05 14:30:00
            2024/3/5 9:05                | 2024-03-05 09:05:00
            2024.03.05                   | 2024-03-05 00:00:00
            20240305                     | 2024-03-05 00:00:00
            20240305143000               | 2024-03-05 14:30:00
            2024-03-05T14:30:00          | 2024-03-05 14:30:00
            2024-03-05T06:30:00Z         | 2024-03-05 14:30:00
            2024-03-05T14:30:00.123+08:00 | 2024-03-05 14:30:00
            2024年3月5日 14:30            | 2024-03-05 14:30:00
            2024年3月5日                  | 2024-03-05 00:00:00
            45356                        | 2024-03-05 00:00:00
            45356.6041666667             | 2024-03-05 14:30:00
            25/12/2023 18:00             | 2023-12-25 18:00:00
            12/25/2023 6:00 PM           | 2023-12-25 18:00:00
            1709620200                   | 2024-03-05 14:30:00
            """)
    void shouldReadTheUsualShapesOfDates(String raw, String expected) {
        assertEquals(expected, dates.dateTime(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "0000-00-00 00:00:00", "0000-00-00"})
    void emptyAndTaobaosNeverShouldBeNull(String raw) {
        assertNull(dates.dateTime(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30 10:00:00", "yesterday", "2024-03-05 25:00", "3/4/2024", "1850-01-01"})
    void impossibleOrAmbiguousDatesShouldBeRefused(String raw) {
        assertThrows(BadValue.class, () -> dates.dateTime(raw));
    }

    @Test
    void aDateFormatShouldReadAnythingElse() {
        DateTimes custom = new DateTimes(ZoneId.of("Asia/Shanghai"), "dd.MM.yyyy HH:mm");
        assertEquals("2024-03-05 14:30:00", custom.dateTime("05.03.2024 14:30"));
        assertEquals("2024-03-05 00:00:00", new DateTimes(ZoneId.of("UTC"), "d/M/yyyy").dateTime("5/3/2024"));
        BadValue e = assertThrows(BadValue.class, () -> custom.dateTime("March 5"));
        assertTrue(e.problem().contains("does not match --date-format dd.MM.yyyy HH:mm"), e.problem());
    }

    @Test
    void birthdaysMayLackTheYear() {
        assertEquals("--03-08", dates.birthday("03-08"));
        assertEquals("--03-08", dates.birthday("3月8日"));
        assertEquals("1990-05-20", dates.birthday("1990/5/20"));
        assertThrows(BadValue.class, () -> dates.birthday("13-45"));
    }

    @Test
    void encodedTimesShouldRoundTripAndSort() {
        assertEquals(20240305143000L, DateTimes.encode("2024-03-05 14:30:00"));
        assertEquals("2024-03-05 14:30:00", DateTimes.decode(20240305143000L));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            128.00     | 128.0
            ¥1,280.50  | 1280.5
            ￥99       | 99.0
            99元       | 99.0
            (12.00)    | -12.0
            -3.5       | -3.5
            """)
    void amountsShouldBeReadWithCurrencySigns(String raw, double expected) {
        assertEquals(expected, Amounts.amount(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5", "12 yuan", "1.2.3", "", "NaN", "Infinity", "0x10"})
    void unreadableAmountsShouldBeRefused(String raw) {
        assertThrows(BadValue.class, () -> Amounts.amount(raw));
    }

    @Test
    void centsShouldRoundHalfUpOnlyWhenNeeded() {
        assertEquals(12.35, Amounts.cents(12.345));
        assertEquals(0.1, Amounts.cents(0.1));
        assertEquals(2, Amounts.count("2.0"));
        assertThrows(BadValue.class, () -> Amounts.count("2.5"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            交易成功, completed
            交易关闭, closed
            付款以前，卖家或买家主动关闭交易, closed
            等待买家付款, unpaid
            卖家已发货，等待买家确认, paid
            买家已付款，等待卖家发货, paid
            等待卖家发货, paid
            退款中, refunded
            TRADE_FINISHED, completed
            WAIT_BUYER_PAY, unpaid
            Cancelled, closed
            shipped, paid
            '', completed
            """)
    void statusesShouldMapToTheStoresSet(String raw, String expected) {
        assertEquals(expected, OrderStatuses.status(raw));
    }

    @Test
    void unknownStatusesShouldBeRefusedNotGuessed() {
        assertThrows(BadValue.class, () -> OrderStatuses.status("lost in space"));
        assertTrue(OrderStatuses.refunded("退款成功"));
        assertTrue(!OrderStatuses.refunded("退款关闭"));
    }

    @Test
    void phonesShouldBeFlaggedNotChanged() {
        assertEquals("masked", Contacts.mobileNote("138****1234"));
        assertEquals("virtual", Contacts.mobileNote("13900001111-1234"));
        assertEquals("virtual", Contacts.mobileNote("17000001111转5678"));
        assertNull(Contacts.mobileNote("17012345678"));
        assertNull(Contacts.mobileNote(""));
    }

    @Test
    void profileValuesShouldUseTheStoresWords() {
        assertEquals("F", Contacts.gender("女"));
        assertEquals("M", Contacts.gender("1"));
        assertNull(Contacts.gender("保密"));
        assertEquals("svip", Contacts.memberLevel("至尊VIP会员"));
        assertEquals("senior", Contacts.memberLevel("高级会员"));
        assertThrows(BadValue.class, () -> Contacts.memberLevel("diamond"));
        assertThrows(BadValue.class, () -> Contacts.email("a@b"));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            浙江省 杭州市 西湖区 文三路 100号, 杭州
            上海 上海市 浦东新区 世纪大道, 上海
            广东省深圳市南山区科技园, 深圳
            新疆维吾尔自治区 乌鲁木齐市 天山区, 乌鲁木齐
            四川省 阿坝藏族羌族自治州 汶川县, 阿坝藏族羌族自治州
            """)
    void theCityShouldComeFromTheAddress(String address, String city) {
        assertEquals(city, Addresses.city(address));
    }

    @Test
    void anUnclearAddressGivesNoCity() {
        assertNull(Addresses.city("文三路 100号"));
        assertNull(Addresses.city(null));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            T, false
            td, false
            N, false
            退订, false
            回T退订, false
            STOP, false
            Y, true
            同意, true
            """)
    void repliesShouldBeDecisions(String reply, boolean granted) {
        assertEquals(granted, Replies.decision(reply));
    }

    @Test
    void otherRepliesAreNoDecision() {
        assertNull(Replies.decision("谢谢"));
        assertNull(Replies.decision(""));
        assertEquals("13812341234", Replies.mobileDigits("+86 138-1234-1234"));
        assertEquals("sms", Replies.channel("短信"));
        assertEquals("*", Replies.channel(""));
    }
}
