package dev.rekindle.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A way to deliver a message to a customer: SMS, email, WeChat, a shop group, a file…
 *
 * <p>The host calls {@link #configure} once with the settings bound from
 * {@code rekindle.plugins.<plugin-id>.*}, then {@link #deliver} from several threads. The host owns
 * retries, rate limits, consent and the delivery ledger; a channel only makes one attempt and says
 * honestly what happened.
 */
public interface Channel extends ExtensionPoint {

    /** Stable id used in commands and templates, e.g. {@code sms}, {@code email}. */
    String id();

    /** One line for {@code channels list}. */
    String title();

    ChannelTraits traits();

    /**
     * The settings this channel reads, so the host can bind them (from the settings file, {@code -D} and
     * environment variables), show them in {@code channels show} with secrets masked, keep the channel
     * from sending while a required one is missing, and redact secrets from logs. Default: none declared
     * (the channel still receives whatever is set under its plugin's prefix).
     */
    default List<Setting> declaredSettings() {
        return List.of();
    }

    /** Receives this plugin's settings. Secrets arrive here; never print or log them. */
    default void configure(Map<String, String> settings) {
    }

    /** Settings still missing before the channel can send; empty when it is ready. */
    default List<String> missingSettings() {
        return List.of();
    }

    /** One delivery attempt. Must not throw for provider errors: return a failure instead. */
    DeliveryResult deliver(OutboundMessage message);

    /**
     * Resolves an earlier {@link DeliveryResult.Outcome#UNKNOWN} through the provider's status query.
     * Only called when {@link ChannelTraits#canQueryStatus()} is true. Answer {@code ACCEPTED} when the
     * provider has the message, {@code PERMANENT} when it has it as failed, {@link DeliveryResult#notReceived}
     * when the provider has no trace of it (the host may then send it again, but only when the message is
     * younger than {@link #statusLookBack()}), and {@code UNKNOWN} when the provider cannot tell yet.
     */
    default DeliveryResult queryStatus(OutboundMessage message) {
        return DeliveryResult.unknown("channel " + id() + " has no status query");
    }

    /**
     * Like {@link #queryStatus(OutboundMessage)}, knowing when the host handed the message to the channel,
     * so that the query can look at the right days (and no further back than {@link #statusLookBack()}).
     * The default ignores the time.
     *
     * @param handedOverAt when the message was handed to the channel; null when the host does not know
     */
    default DeliveryResult queryStatus(OutboundMessage message, Instant handedOverAt) {
        return queryStatus(message);
    }

    /**
     * How far back {@link #queryStatus} can still find a message (providers keep delivery records for a
     * limited time: Aliyun's QuerySendDetails 30 days, Tencent Cloud 72 hours). A "no trace" answer about
     * a message handed over longer ago than this proves nothing, so the host never sends such a message
     * again on its strength: it stays unknown until the operator decides.
     *
     * <p>The default, {@link Duration#ZERO}, means the channel does not say: the host then trusts no
     * "no trace" answer at all, only "found" and "found failed".
     */
    default Duration statusLookBack() {
        return Duration.ZERO;
    }

    /**
     * Several messages in one provider call (e.g. Aliyun {@code SendBatchSms}), at most
     * {@link ChannelTraits#batchSize()} of them; the answer has one result per message, in order.
     * The default sends them one by one.
     */
    default List<DeliveryResult> deliverBatch(List<OutboundMessage> messages) {
        return messages.stream().map(this::deliver).toList();
    }

    /**
     * The sender a message leaves through when the provider limits each sender separately (a WeCom
     * robot, a mailbox), so that the host can keep one rate limit per sender; null when the channel is
     * limited as a whole.
     */
    default String senderOf(OutboundMessage message) {
        return null;
    }

    /** Messages per second one sender may carry (WeCom robots: 20 a minute); 0 = no limit per sender. */
    default double senderRatePerSecond() {
        return 0;
    }
}
