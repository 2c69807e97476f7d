package dev.rekindle.plugins.sms;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import dev.rekindle.api.Setting;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * SMS to the customer's mobile through Aliyun. Chinese SMS go out through templates approved in the
 * Aliyun console: the message's {@code params} become the template's variables (all strings), the
 * {@code TemplateCode} parameter picks another template than the default, and with {@code text-param}
 * set the rendered text travels as that variable.
 *
 * <p>Settings ({@code rekindle.plugins.channel-sms.*}): {@code access-key-id}, {@code access-key-secret}
 * (or the environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET), {@code sign-name} (default: the
 * shop's signature), {@code template-code}, {@code text-param}, {@code endpoint} (default
 * https://dysmsapi.aliyuncs.com), {@code region-id}, {@code timeout-ms}, {@code connect-timeout-ms},
 * {@code batch} (true: up to 100 numbers per SendBatchSms), {@code query-days} (how many calendar days,
 * today included, QuerySendDetails may look at: default and most 30, what Aliyun keeps), {@code gateway} (aliyun).
 */
@Extension
public class SmsChannel implements Channel {

    static final int BATCH_SIZE = 100;
    /** Aliyun allows far more per account; a shop's first campaign should not find out where the limit is. */
    static final double DEFAULT_RATE = 100;

    private final Clock clock;
    private final Map<String, String> env;
    private SmsSettings settings;
    private SmsGateway gateway;

    public SmsChannel() {
        this(Clock.systemUTC(), System.getenv());
    }

    SmsChannel(Clock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = env;
        this.settings = new SmsSettings(Map.of(), env);
    }

    @Override
    public String id() {
        return "sms";
    }

    @Override
    public String title() {
        return "SMS through Aliyun (SendSms/SendBatchSms; unknown outcomes looked up with QuerySendDetails)";
    }

    @Override
    public ChannelTraits traits() {
        return new ChannelTraits(ContactKind.MOBILE, 0, 0, settings.batch ? BATCH_SIZE : 1, DEFAULT_RATE, true, true);
    }

    /** What {@link SmsSettings} reads, so that {@code channels show sms} lists it and the host masks the secrets. */
    @Override
    public List<Setting> declaredSettings() {
        return List.of(
                Setting.named("access-key-id").description("Aliyun AccessKey ID").required().secret()
                        .env("ALIBABA_CLOUD_ACCESS_KEY_ID").build(),
                Setting.named("access-key-secret").description("Aliyun AccessKey secret").required().secret()
                        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET").build(),
                Setting.named("sign-name").description("the approved SMS signature (default: the shop's signature)").build(),
                Setting.named("template-code").description("the approved template, e.g. SMS_123456789").required().build(),
                Setting.named("text-param").description("the template variable that carries the rendered text, if any").build(),
                Setting.named("endpoint").description("the Aliyun SMS API").defaultValue(SmsSettings.DEFAULT_ENDPOINT).build(),
                Setting.named("region-id").description("Aliyun region").defaultValue("cn-hangzhou").build(),
                Setting.named("timeout-ms").description("how long to wait for an answer").defaultValue("10000").build(),
                Setting.named("connect-timeout-ms").description("how long to wait for a connection").defaultValue("3000").build(),
                Setting.named("batch").description("true: up to 100 numbers per SendBatchSms").defaultValue("false").build(),
                Setting.named("query-days").description("days QuerySendDetails may look back, today included (at most 30)")
                        .defaultValue(String.valueOf(SmsSettings.MAX_QUERY_DAYS)).build(),
                Setting.named("gateway").description("the SMS provider (only aliyun is built in)").defaultValue("aliyun").build());
    }

    @Override
    public void configure(Map<String, String> s) {
        settings = new SmsSettings(s, env);
        gateway = settings.missing().isEmpty() ? new AliyunGateway(settings, clock) : null;
    }

    @Override
    public List<String> missingSettings() {
        return settings.missing();
    }

    @Override
    public DeliveryResult deliver(OutboundMessage message) {
        if (gateway == null) return notConfigured();
        return gateway.send(message);
    }

    @Override
    public List<DeliveryResult> deliverBatch(List<OutboundMessage> messages) {
        if (gateway == null) return messages.stream().map(m -> notConfigured()).toList();
        if (!settings.batch || messages.size() == 1) return messages.stream().map(gateway::send).toList();
        // one SendBatchSms call per template and campaign; answers go back in the caller's order
        Map<OutboundMessage, DeliveryResult> results = new IdentityHashMap<>();
        for (List<OutboundMessage> group : AliyunGateway.groups(messages, settings.templateCode)) {
            for (int from = 0; from < group.size(); from += BATCH_SIZE) {
                List<OutboundMessage> part = group.subList(from, Math.min(group.size(), from + BATCH_SIZE));
                List<DeliveryResult> r = gateway.sendBatch(part);
                for (int k = 0; k < part.size(); k++) results.put(part.get(k), r.get(k));
            }
        }
        List<DeliveryResult> ordered = new ArrayList<>();
        for (OutboundMessage m : messages) ordered.add(results.get(m));
        return ordered;
    }

    @Override
    public DeliveryResult queryStatus(OutboundMessage message) {
        return queryStatus(message, null);
    }

    @Override
    public DeliveryResult queryStatus(OutboundMessage message, Instant handedOverAt) {
        if (gateway == null) return DeliveryResult.unknown("channel sms is not configured: " + String.join(", ", missingSettings()));
        return gateway.query(message, handedOverAt);
    }

    /**
     * The query looks at {@code query-days} calendar days, today included: a message handed over at most
     * one day less ago always falls on one of them (29 days by default).
     */
    @Override
    public Duration statusLookBack() {
        return Duration.ofDays(settings.queryDays - 1L);
    }

    private DeliveryResult notConfigured() {
        return DeliveryResult.transientFailure("not-configured", "channel sms is missing settings: "
                + String.join(", ", missingSettings()), null);
    }
}
