package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rekindle.api.ContactKind;
import dev.rekindle.customer.Masks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox's "to": the one-pass mask of a plain mobile number says what the general mask says. */
class MaskedAddressTests {

    @Test
    void aPlainMobileNumberShouldHideItsMiddleFourDigits() {
        assertEquals("139****0001", MaskedAddress.of(ContactKind.MOBILE, "13900000001"));
    }

    @Test
    void everyMobileNumberShouldBeMaskedAsMasksMobileMasksIt() {
        for (String n : List.of("13812341234", "+86 138 1234 1234", "1381234123a", "1381234123", "138123412345",
                "13900001111-1234", "17000001111转5678", "１３８１２３４１２３４")) {
            assertEquals(Masks.mobile(n), MaskedAddress.of(ContactKind.MOBILE, n), n);
        }
    }

    @Test
    void noAddressShouldBeEmpty() {
        assertEquals("", MaskedAddress.of(ContactKind.MOBILE, null));
    }
}
