package dev.rekindle.i18n;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The interface language ({@code rekindle.language}); a wrong value falls back to English and says so
 * (see {@link LanguageSetting}), so it stays text here.
 *
 * @param language {@code auto} (the system locale), {@code en} or {@code zh}; {@code --lang} on the
 *                 command line does the same
 */
@ConfigurationProperties("rekindle")
public record LanguageProperties(String language) {
}
