package dev.rekindle.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Message rendering (rekindle.templates.*); defaults in the shipped application.yml.
 *
 * @param dir           the templates folder; nothing outside it can be read by a template
 * @param locale        locale for the template lookup: sms.ftl unless e.g. sms_en.ftl matches
 * @param sms           SMS rules
 * @param renderTimeout CPU time one message part may take to render, e.g. 200ms
 * @param maxOutput     characters one message part may have, e.g. 64KB
 * @param maxDepth      how deeply template elements may nest (bounds recursive macros; at least 10)
 */
@ConfigurationProperties("rekindle.templates")
public record TemplateProperties(Path dir, Locale locale, Sms sms, Duration renderTimeout, DataSize maxOutput, int maxDepth) {

    /**
     * @param maxParts SMS longer than this many parts get a warning from templates validate
     * @param optOut   the opt-out wording marketing SMS must carry (templates show it as ${optout})
     */
    public record Sms(int maxParts, String optOut) {
    }
}
