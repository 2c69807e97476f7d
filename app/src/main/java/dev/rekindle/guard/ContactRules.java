package dev.rekindle.guard;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The one guard: the ordered rules that decide, for one message to one customer on one channel, send,
 * skip (a {@link SkipReason}) or wait. The same chain judges at three moments, from the facts each has:
 * <ul>
 * <li>{@link Moment#PLANNING}: a forecast from facts read in bulk for the plan (consents, what was sent
 *     and planned lately), so the plan's counts are what the send will do;</li>
 * <li>{@link Moment#DRY_RUN}: contact data, consents and erasure as they are now;</li>
 * <li>{@link Moment#SENDING}: authoritative, inside the ledger's claim transaction, from the database at
 *     that instant (a refusal imported a second ago counts).</li>
 * </ul>
 * Order: already contacted for this occasion, contact data, channel carries the purpose, length, erased,
 * opted out of everything, refused this channel, marketing consent, quiet hours (wait, sending only),
 * give-up, frequency caps. Quiet hours come before give-up and caps so that a waiting message is judged
 * by those when it really goes out. The holdout is drawn by the {@link Guard} once a channel passes.
 */
public final class ContactRules {

    /** When the rules are asked. */
    public enum Moment { PLANNING, DRY_RUN, SENDING }

    /**
     * One message as the rules see it.
     *
     * @param customerId 0 or less for a post to a group (no person: no consent, caps or erasure)
     * @param traits     null when no plugin provides the channel (planning on a bare install)
     * @param text       null before rendering
     */
    public record Contact(long customerId, Purpose purpose, String channel, ContactKind kind, ChannelTraits traits,
            String address, String text) {

        boolean person() {
            return customerId > 0;
        }
    }

    /** What the rules need to know about the customer beyond the message. */
    public interface Facts {

        boolean erased();

        /** The latest decision per consent channel ({@code *} = every channel): true granted, false refused. */
        Map<String, Boolean> consents();

        /** When messages of this purpose were handed to a channel (or are planned to be) since {@code from}. */
        List<LocalDateTime> contactedSince(Purpose purpose, LocalDateTime from);

        /** Marketing messages handed to a channel since the customer's last order. */
        int marketingSinceLastOrder();

        /** Another campaign already contacted (or is contacting) the customer for this message's occasion. */
        boolean occasionTaken();

        /** Facts of a customer known only by their consents (dry run). */
        static Facts consentsOnly(Map<String, Boolean> consents) {
            return new Known(false, consents, List.of(), 0, false);
        }
    }

    /** Facts held in memory. */
    public record Known(boolean erased, Map<String, Boolean> consents, List<LocalDateTime> contacts, int marketingSinceLastOrder,
            boolean occasionTaken) implements Facts {

        @Override
        public List<LocalDateTime> contactedSince(Purpose purpose, LocalDateTime from) {
            return contacts.stream().filter(t -> !t.isBefore(from)).toList();
        }
    }

    /** The rules' answer. */
    public sealed interface Judgement {

        /** Send it. */
        record Go() implements Judgement {
        }

        /**
         * Never send it. {@code rank} says how far the message got through the rules: when every channel
         * of a customer fails, the reason shown is the one of the channel that got furthest.
         */
        record Skip(SkipReason reason, String detail, int rank) implements Judgement {
        }

        /** Not now (quiet hours): the message waits until {@code until}. */
        record Wait(LocalDateTime until, String detail) implements Judgement {
        }
    }

    public static final Judgement GO = new Judgement.Go();

    private final GuardPolicy policy;

    public ContactRules(GuardPolicy policy) {
        this.policy = policy;
    }

    public GuardPolicy policy() {
        return policy;
    }

    public Judgement judge(Contact c, Facts facts, LocalDateTime now, Moment moment) {
        boolean history = moment != Moment.DRY_RUN;
        if (history && c.person() && facts.occasionTaken()) {
            return skip(SkipReason.ALREADY_CONTACTED, "already contacted for this occasion by another campaign", 10);
        }
        if (c.address() == null || c.address().isBlank()) {
            return skip(SkipReason.NO_CONTACT, "no " + c.kind().id() + " contact data", 20);
        }
        if (c.purpose() == Purpose.MARKETING && c.traits() != null && !c.traits().marketingAllowed()) {
            return skip(SkipReason.CHANNEL_REFUSES_MARKETING, "channel " + c.channel() + " carries service notices only", 30);
        }
        String tooLong = tooLong(c);
        if (tooLong != null) {
            return skip(SkipReason.TOO_LONG, tooLong, 40);
        }
        if (c.person()) {
            Judgement personal = personal(c, facts);
            if (personal != null) return personal;
        }
        if (moment == Moment.SENDING && policy.quietHours().isQuiet(now.toLocalTime())) {
            return new Judgement.Wait(policy.quietHours().endAfter(now), "quiet hours " + policy.quietHours());
        }
        if (history && c.person()) {
            Judgement limits = limits(c, facts, now);
            if (limits != null) return limits;
        }
        return GO;
    }

    private Judgement personal(Contact c, Facts facts) {
        if (facts.erased()) {
            return skip(SkipReason.ERASED, "the customer's personal data was erased", 50);
        }
        String consentChannel = policy.consentChannel(c.channel(), c.kind());
        if (consentChannel == null) return null;
        Map<String, Boolean> consents = facts.consents();
        if (Boolean.FALSE.equals(consents.get("*"))) {
            return skip(SkipReason.OPTED_OUT, "refused contact by every channel", 60);
        }
        if (Boolean.FALSE.equals(consents.get(consentChannel))) {
            return skip(SkipReason.REFUSED, "refused contact by " + consentChannel, 70);
        }
        boolean granted = Boolean.TRUE.equals(consents.get(consentChannel)) || Boolean.TRUE.equals(consents.get("*"));
        if (c.purpose() == Purpose.MARKETING && !granted && policy.marketingNeedsGrant(consentChannel)) {
            return skip(SkipReason.NO_CONSENT, "no recorded consent to marketing by " + consentChannel, 80);
        }
        return null;
    }

    private Judgement limits(Contact c, Facts facts, LocalDateTime now) {
        if (c.purpose() == Purpose.MARKETING && policy.giveUpAfter() > 0) {
            int since = facts.marketingSinceLastOrder();
            if (since >= policy.giveUpAfter()) {
                return skip(SkipReason.GAVE_UP, since + " marketing messages since the last order: not disturbed again", 90);
            }
        }
        List<FrequencyCap> caps = policy.caps(c.purpose());
        if (caps.isEmpty()) return null;
        List<LocalDateTime> contacts = facts.contactedSince(c.purpose(), now.minusDays(policy.widestCapDays(c.purpose())));
        for (FrequencyCap cap : caps) {
            LocalDateTime from = now.minusDays(cap.days());
            long recent = contacts.stream().filter(t -> !t.isBefore(from)).count();
            if (recent >= cap.count()) {
                return skip(SkipReason.cap(cap), recent + " " + c.purpose().name().toLowerCase()
                        + " message(s) in the last " + cap.days() + " days", 100);
            }
        }
        return null;
    }

    private static String tooLong(Contact c) {
        if (c.text() == null || c.traits() == null) return null;
        String text = c.text();
        int chars = text.codePointCount(0, text.length());
        if (c.traits().maxChars() > 0 && chars > c.traits().maxChars()) {
            return chars + " characters, the channel takes " + c.traits().maxChars();
        }
        if (c.traits().maxBytes() > 0) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > c.traits().maxBytes()) return bytes + " bytes, the channel takes " + c.traits().maxBytes();
        }
        return null;
    }

    private static Judgement skip(SkipReason reason, String detail, int rank) {
        return new Judgement.Skip(reason, detail, rank);
    }
}
