package dev.rekindle.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Whether a number can receive an SMS, by Google's libphonenumber (its metadata follows the numbering
 * plans: 12012345678 has the shape of a mainland mobile but no such number exists). Numbers without a
 * country code are read as mainland China's.
 */
public final class MobileNumbers {

    /** What a number is, for SMS. */
    public enum Check {
        /** A mobile number (or one that may be mobile, as in North America). */
        MOBILE,
        /** A real number, but a landline (or a service number): no SMS. */
        NOT_MOBILE,
        /** No such number: too short, too long, or a range no carrier was given. */
        INVALID
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "CN";

    private MobileNumbers() {
    }

    public static Check check(String raw) {
        if (raw == null || raw.isBlank()) return Check.INVALID;
        PhoneNumber n;
        try {
            n = PHONES.parse(raw.strip(), DEFAULT_REGION);
        } catch (NumberParseException e) {
            return Check.INVALID;
        }
        if (!PHONES.isValidNumber(n)) return Check.INVALID;
        PhoneNumberType t = PHONES.getNumberType(n);
        return t == PhoneNumberType.MOBILE || t == PhoneNumberType.FIXED_LINE_OR_MOBILE ? Check.MOBILE : Check.NOT_MOBILE;
    }
}
