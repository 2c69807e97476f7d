package dev.rekindle.i18n;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rekindle's texts come from {@link Tr}, not from Spring's {@code MessageSource}, which nothing here asks.
 * Without a bean of this name, every start makes Spring's default one, whose class lists every locale the JVM
 * knows when it loads (about 40 ms of each one-shot command).
 */
@Configuration(proxyBeanMethods = false)
class NoSpringMessages {

    @Bean
    MessageSource messageSource() {
        return new MessageSource() {
            @Override
            public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
                return defaultMessage;
            }

            @Override
            public String getMessage(String code, Object[] args, Locale locale) {
                throw new NoSuchMessageException(code, locale);
            }

            @Override
            public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
                if (resolvable.getDefaultMessage() != null) return resolvable.getDefaultMessage();
                String[] codes = resolvable.getCodes();
                throw new NoSuchMessageException(codes == null || codes.length == 0 ? "" : codes[codes.length - 1], locale);
            }
        };
    }
}
