package dev.rekindle.template;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of message rendering ({@code rekindle.templates.*}, {@code rekindle.shop.url}). Chinese
 * defaults live here because application.properties is read as ISO-8859-1.
 */
@Component
public class TemplateSettings {

    private final Path dir;
    private final Locale locale;
    private final int smsMaxParts;
    private final String optOut;
    private final String shopUrl;
    private final String unsubscribeUrl;
    private RenderLimits limits = RenderLimits.DEFAULTS;

    @org.springframework.beans.factory.annotation.Autowired
    public TemplateSettings(@Value("${rekindle.templates.dir:templates}") String dir,
            @Value("${rekindle.templates.locale:zh_CN}") String locale,
            @Value("${rekindle.templates.sms.max-parts:2}") int smsMaxParts,
            @Value("${rekindle.templates.sms.opt-out:回T退订}") String optOut,
            @Value("${rekindle.shop.url:https://shop.example.cn}") String shopUrl,
            @Value("${rekindle.shop.unsubscribe-url:}") String unsubscribeUrl,
            @Value("${rekindle.templates.render-timeout:200ms}") String renderTimeout,
            @Value("${rekindle.templates.max-output:64KB}") String maxOutput,
            @Value("${rekindle.templates.max-depth:200}") int maxDepth) {
        this(Path.of(dir).toAbsolutePath().normalize(), Locale.forLanguageTag(locale.replace('_', '-')), smsMaxParts,
                optOut, shopUrl, unsubscribeUrl.isBlank() ? shopUrl + "/unsubscribe?c={campaign}&u={customer}" : unsubscribeUrl);
        this.limits = RenderLimits.parse(renderTimeout, maxOutput, maxDepth);
    }

    public TemplateSettings(Path dir, Locale locale, int smsMaxParts, String optOut, String shopUrl, String unsubscribeUrl) {
        this.dir = dir;
        this.locale = locale;
        this.smsMaxParts = smsMaxParts;
        this.optOut = optOut;
        this.shopUrl = shopUrl;
        this.unsubscribeUrl = unsubscribeUrl;
    }

    /** What one message may cost: render time, output size, nesting depth. */
    public RenderLimits limits() {
        return limits;
    }

    /** For tests and tools that build settings by hand. */
    public TemplateSettings withLimits(RenderLimits limits) {
        this.limits = limits;
        return this;
    }

    /** The templates folder; nothing outside it can be read by a template. */
    public Path dir() {
        return dir;
    }

    /** Locale for the template lookup: {@code sms.ftl} is used unless e.g. {@code sms_en.ftl} matches. */
    public Locale locale() {
        return locale;
    }

    /** SMS longer than this many parts get a warning from {@code templates validate}. */
    public int smsMaxParts() {
        return smsMaxParts;
    }

    /** The opt-out wording marketing SMS must carry, e.g. 回T退订; templates show it as {@code ${optout}}. */
    public String optOut() {
        return optOut;
    }

    public String shopUrl() {
        return shopUrl;
    }

    /** The unsubscribe link; {campaign} and {customer} are replaced per message. */
    public String unsubscribeUrl(long campaignId, String buyerId) {
        return unsubscribeUrl.replace("{campaign}", String.valueOf(campaignId))
                .replace("{customer}", java.net.URLEncoder.encode(buyerId, java.nio.charset.StandardCharsets.UTF_8));
    }
}
