package dev.rekindle.delivery;

import dev.rekindle.plugin.Redactor;

/**
 * Provider answers can quote the request back (Aliyun's SignatureDoesNotMatch shows the whole string it
 * signed, phone numbers included), and a plugin's exception says what its author wrote. Before a detail
 * is stored, shown or logged, mainland mobile numbers and plugin secrets in it are masked — a second line
 * of defence behind the channels' own care. See {@link Redactor}.
 */
final class Redaction {

    private Redaction() {
    }

    static String of(String detail) {
        return Redactor.redact(detail);
    }
}
