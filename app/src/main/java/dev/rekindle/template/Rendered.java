package dev.rekindle.template;

/**
 * A rendered message: {@code text} for every channel, {@code subject} and {@code html} for email only.
 *
 * @param template the file actually used (after locale lookup), e.g. {@code winback-silent/sms.ftl}
 */
public record Rendered(String template, String subject, String text, String html) {
}
