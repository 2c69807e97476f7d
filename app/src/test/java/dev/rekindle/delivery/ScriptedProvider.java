package dev.rekindle.delivery;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.DeliveryResult;
import dev.rekindle.api.OutboundMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A channel standing in for an outside provider, whose answers the test scripts per idempotency key:
 * it counts what it "received" (what would reach a phone) separately from the calls it got, so a test
 * can prove exactly-once. Unknown answers can be scripted as received or not, as in real life.
 */
class ScriptedProvider implements Channel {

    enum Answer { OK, TRANSIENT, PERMANENT, UNKNOWN_RECEIVED, UNKNOWN_NOT_RECEIVED }

    private final String id;
    private final ChannelTraits traits;
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final AtomicInteger batches = new AtomicInteger();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private volatile Answer otherwise = Answer.OK;
    private volatile long latencyMillis;
    private volatile Consumer<OutboundMessage> onCall = m -> { };
    private volatile Duration lookBack = Duration.ofDays(30);

    ScriptedProvider(String id) {
        this(id, new ChannelTraits(ContactKind.MOBILE, 0, 0, 1, 0, true, true));
    }

    ScriptedProvider(String id, ChannelTraits traits) {
        this.id = id;
        this.traits = traits;
    }

    /** The next answers for a key, in order; afterwards the default answer. */
    ScriptedProvider answer(String key, Answer... answers) {
        script.computeIfAbsent(key, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    ScriptedProvider otherwise(Answer a) {
        this.otherwise = a;
        return this;
    }

    /** How far back the status query sees (null: the channel does not say, as a plugin built before it could). */
    ScriptedProvider lookBack(Duration d) {
        this.lookBack = d;
        return this;
    }

    ScriptedProvider latency(long millis) {
        this.latencyMillis = millis;
        return this;
    }

    ScriptedProvider onCall(Consumer<OutboundMessage> hook) {
        this.onCall = hook;
        return this;
    }

    int receivedCount(String key) {
        AtomicInteger n = received.get(key);
        return n == null ? 0 : n.get();
    }

    int totalReceived() {
        return received.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "scripted provider for tests";
    }

    @Override
    public ChannelTraits traits() {
        return traits;
    }

    @Override
    public DeliveryResult deliver(OutboundMessage m) {
        calls.computeIfAbsent(m.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        onCall.accept(m);
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Answer> q = script.get(m.idempotencyKey());
        Answer a;
        synchronized (this) {
            a = q == null || q.isEmpty() ? otherwise : q.removeFirst();
        }
        return switch (a) {
            case OK -> {
                take(m);
                yield DeliveryResult.accepted("biz-" + m.idempotencyKey());
            }
            case TRANSIENT -> DeliveryResult.transientFailure("Throttling.User", "throttled", Duration.ofMillis(1));
            case PERMANENT -> DeliveryResult.permanentFailure("isv.MOBILE_NUMBER_ILLEGAL", "bad number");
            case UNKNOWN_RECEIVED -> {
                take(m);
                yield DeliveryResult.unknown("connection dropped after sending");
            }
            case UNKNOWN_NOT_RECEIVED -> DeliveryResult.unknown("timed out");
        };
    }

    @Override
    public List<DeliveryResult> deliverBatch(List<OutboundMessage> messages) {
        batches.incrementAndGet();
        return messages.stream().map(this::deliver).toList();
    }

    @Override
    public DeliveryResult queryStatus(OutboundMessage m) {
        return receivedCount(m.idempotencyKey()) > 0 ? DeliveryResult.accepted("found")
                : DeliveryResult.notReceived("no such OutId");
    }

    @Override
    public Duration statusLookBack() {
        return lookBack == null ? Channel.super.statusLookBack() : lookBack;
    }

    private void take(OutboundMessage m) {
        received.computeIfAbsent(m.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
    }
}
