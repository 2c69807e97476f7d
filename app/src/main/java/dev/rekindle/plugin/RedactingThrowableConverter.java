package dev.rekindle.plugin;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * The stack trace in the log layout (Spring Boot's, as {@code %wEx} prints it) with secrets and full
 * mobile numbers taken out: a plugin's exception text is whatever its author wrote
 * ({@code kaboom sending to 13299694916}).
 */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return Redactor.redact(super.throwableProxyToString(proxy));
    }
}
