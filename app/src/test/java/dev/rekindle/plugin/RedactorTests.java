package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactorTests {

    @Test
    void masksMobileNumbersDeclaredSecretsAndSecretLookingPairs() {
        Redactor.secret("s3cr3t-value-42");

        assertEquals("kaboom sending to 132****4916", Redactor.redact("kaboom sending to 13299694916"));
        assertEquals("to +86 132****4916 and 138****1234", Redactor.redact("to +86 13299694916 and +8613812341234"));
        assertEquals("provider said token=**** ok", Redactor.redact("provider said token=SECRET123 ok"));
        assertEquals("{\"access_key_secret\":\"****\",\"n\":1}", Redactor.redact("{\"access_key_secret\":\"abc\",\"n\":1}"));
        assertEquals("signed with ****", Redactor.redact("signed with s3cr3t-value-42"));
        assertEquals("order 202612070001234567 of 3 items", Redactor.redact("order 202612070001234567 of 3 items"),
                "long order numbers are not phone numbers");
        assertEquals("SignatureDoesNotMatch: bad", Redactor.redact("SignatureDoesNotMatch: bad"));
    }
}
