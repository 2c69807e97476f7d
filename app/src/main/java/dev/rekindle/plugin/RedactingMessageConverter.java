package dev.rekindle.plugin;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %m} in the log layout (see logback-spring.xml): the message with secrets and full mobile
 * numbers taken out by the {@link Redactor}, whoever logged it (a plugin, PF4J, the host).
 */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.redact(super.convert(event));
    }
}
