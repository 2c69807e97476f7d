package dev.rekindle.i18n;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The interface language (rekindle.language); a wrong value falls back to English and says so
 * (see LanguageSetting), so it stays text here.
 *
 * @param language auto (the system locale), en or zh; --lang on the
 *                 command line does the same
 */
@ConfigurationProperties("rekindle")
public record LanguageProperties(String language) {
}
