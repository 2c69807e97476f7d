package dev.rekindle.template;

import java.nio.file.Path;
import java.util.Locale;
import dev.rekindle.shop.ShopProperties;
import org.springframework.stereotype.Component;

/**
 * Settings of message rendering ({@code rekindle.templates.*}, {@code rekindle.shop.url}), checked and
 * ready to use.
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
    public TemplateSettings(TemplateProperties t, ShopProperties shop) {
        this(t.dir().toAbsolutePath().normalize(), t.locale(), t.sms().maxParts(), t.sms().optOut(), shop.url(),
                shop.unsubscribeUrl() == null || shop.unsubscribeUrl().isBlank()
                        ? shop.url() + "/unsubscribe?c={campaign}&u={customer}" : shop.unsubscribeUrl());
        this.limits = RenderLimits.of(t.renderTimeout(), t.maxOutput(), t.maxDepth());
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
