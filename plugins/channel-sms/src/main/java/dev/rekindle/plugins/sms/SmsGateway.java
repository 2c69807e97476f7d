package dev.rekindle.plugins.sms;

import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import java.time.Instant;
import java.util.List;

/**
 * One SMS provider behind the {@code sms} channel. Aliyun is built in; a second gateway (e.g. Tencent
 * Cloud {@code SendSms}, TC3-HMAC-SHA256) implements this and is chosen with the {@code gateway} setting.
 */
interface SmsGateway {

    /** One attempt; never throws for provider or network errors. */
    DeliveryResult send(OutboundMessage message);

    /** One call for several numbers, one result per message in order. */
    List<DeliveryResult> sendBatch(List<OutboundMessage> messages);

    /**
     * Looks the message up at the provider (by its correlation id) to resolve an unknown outcome: from the
     * day it was handed over (all the days the provider keeps when {@code handedOverAt} is null). Answers
     * "not received" only when every day it could have reached the provider was looked at.
     */
    DeliveryResult query(OutboundMessage message, Instant handedOverAt);
}
