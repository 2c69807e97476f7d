package dev.rekindle.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ChannelTraits;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard's rules in order, the channel choice, and the holdout draw. */
class GuardTests {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 22, 10, 0);
    Guard guard = new Guard(GuardPolicy.defaults());
    CampaignTerms marketing = new CampaignTerms(1, Purpose.MARKETING, 0, 42);
    CampaignTerms care = new CampaignTerms(1, Purpose.CARE, 0, 42);

    static Recipient recipient(Map<ContactKind, String> addresses, Map<String, Boolean> consents) {
        return new Recipient(5, "tb5", addresses, consents);
    }

    Verdict choose(CampaignTerms terms, Recipient r, String... channels) {
        return choose(terms, r, ContactRules.Facts.consentsOnly(r.consents()), channels);
    }

    Verdict choose(CampaignTerms terms, Recipient r, ContactRules.Facts facts, String... channels) {
        List<Guard.Route> routes = java.util.Arrays.stream(channels)
                .map(ch -> new Guard.Route(ch, StandardChannels.kindOf(ch).orElseThrow(), null)).toList();
        return guard.choose(terms, r, routes, facts, NOW);
    }

    @Test
    void planningRoutesMarketingPastACareOnlyChannelToTheNextThatCarriesIt() {
        Recipient r = recipient(Map.of(ContactKind.WECHAT, "openid-1", ContactKind.MOBILE, "13800001111"),
                Map.of("wechat", true, "sms", true));
        ChannelTraits careOnly = new ChannelTraits(ContactKind.WECHAT, 0, 0, 1, 20, false, false);
        List<Guard.Route> routes = List.of(new Guard.Route("wechat", ContactKind.WECHAT, careOnly),
                new Guard.Route("sms", ContactKind.MOBILE, ChannelTraits.simple(ContactKind.MOBILE)));

        assertEquals("sms", guard.choose(marketing, r, routes, ContactRules.Facts.consentsOnly(r.consents()), NOW).channel());
        assertEquals("wechat", guard.choose(care, r, routes, ContactRules.Facts.consentsOnly(r.consents()), NOW).channel());
        Verdict onlyWechat = guard.choose(marketing, r, routes.subList(0, 1), ContactRules.Facts.consentsOnly(r.consents()), NOW);
        assertEquals(SkipReason.CHANNEL_REFUSES_MARKETING, onlyWechat.skip());
    }

    @Test
    void planningPassesOverAChannelNobodyInstalledWhenAnotherIsInstalled() {
        Recipient r = recipient(Map.of(ContactKind.EMAIL, "a@b.cn", ContactKind.MOBILE, "13800001111"), Map.of());
        List<Guard.Route> routes = List.of(new Guard.Route("email", ContactKind.EMAIL, null),
                new Guard.Route("sms", ContactKind.MOBILE, ChannelTraits.simple(ContactKind.MOBILE)));
        assertEquals("sms", guard.choose(care, r, routes, ContactRules.Facts.consentsOnly(Map.of()), NOW).channel());
    }

    @Test
    void planningAnticipatesCapsGiveUpAndAnOccasionAlreadyTaken() {
        Recipient r = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of("sms", true));
        ContactRules.Facts sentYesterday = new ContactRules.Known(false, r.consents(), List.of(NOW.minusDays(1)), 0, false);
        assertEquals("cap:1/7d", choose(marketing, r, sentYesterday, "sms").skip().code());
        ContactRules.Facts eightDaysAgo = new ContactRules.Known(false, r.consents(), List.of(NOW.minusDays(8)), 0, false);
        assertTrue(choose(marketing, r, eightDaysAgo, "sms").sends());
        ContactRules.Facts threeWithoutOrder = new ContactRules.Known(false, r.consents(), List.of(), 3, false);
        assertEquals(SkipReason.GAVE_UP, choose(marketing, r, threeWithoutOrder, "sms").skip());
        assertTrue(choose(care, r, threeWithoutOrder, "sms").sends(), "give-up is about marketing");
        ContactRules.Facts taken = new ContactRules.Known(false, r.consents(), List.of(), 0, true);
        assertEquals(SkipReason.ALREADY_CONTACTED, choose(care, r, taken, "sms").skip());
    }

    @Test
    void onlyTheSendWaitsForQuietHours() {
        ContactRules rules = guard.rules();
        ContactRules.Contact night = new ContactRules.Contact(5, Purpose.CARE, "sms", ContactKind.MOBILE,
                ChannelTraits.simple(ContactKind.MOBILE), "13800001111", "hi");
        LocalDateTime late = NOW.withHour(22);
        assertTrue(rules.judge(night, ContactRules.Facts.consentsOnly(Map.of()), late, ContactRules.Moment.SENDING)
                instanceof ContactRules.Judgement.Wait);
        assertTrue(rules.judge(night, ContactRules.Facts.consentsOnly(Map.of()), late, ContactRules.Moment.PLANNING)
                instanceof ContactRules.Judgement.Go);
    }

    @Test
    void theFirstChannelPassingEveryRuleWins() {
        Recipient r = recipient(Map.of(ContactKind.MOBILE, "13800001111", ContactKind.EMAIL, "a@b.cn"),
                Map.of("sms", false, "email", true));

        Verdict v = choose(marketing, r, "sms", "email");

        assertTrue(v.sends());
        assertEquals("email", v.channel());
        assertEquals("a@b.cn", v.address());
    }

    @Test
    void theReasonComesFromTheChannelThatGotFurthest() {
        Recipient refusedSms = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of("sms", false));
        assertEquals(SkipReason.REFUSED, choose(marketing, refusedSms, "sms", "email", "wechat").skip());
        assertEquals("sms", choose(marketing, refusedSms, "sms", "email", "wechat").channel());

        Recipient nothing = recipient(Map.of(), Map.of());
        assertEquals(SkipReason.NO_CONTACT, choose(care, nothing, "sms", "email").skip());

        Recipient noConsent = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of());
        assertEquals(SkipReason.NO_CONSENT, choose(marketing, noConsent, "sms", "email").skip());
    }

    @Test
    void careNeedsNoConsentButHonoursRefusalsAndTheOptOutOfEverything() {
        Recipient noConsent = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of());
        assertTrue(choose(care, noConsent, "sms").sends());
        assertEquals(SkipReason.REFUSED, choose(care, recipient(Map.of(ContactKind.MOBILE, "1"), Map.of("sms", false)), "sms").skip());
        Recipient all = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of("*", false, "sms", true));
        assertEquals(SkipReason.OPTED_OUT, choose(care, all, "sms").skip());
        assertEquals(SkipReason.OPTED_OUT, choose(marketing, all, "sms").skip());
    }

    @Test
    void aPluginKindIsReachedAtItsOwnAddressAndAnswersToItsChannelsConsent() {
        ContactKind line = ContactKind.of("line");
        List<Guard.Route> routes = List.of(new Guard.Route("line", line, ChannelTraits.simple(line)));
        Recipient withId = recipient(Map.of(line, "U4af4980629", ContactKind.MOBILE, "13800001111"), Map.of());
        Recipient mobileOnly = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of());

        assertEquals("line", GuardPolicy.defaults().consentChannel("line", line), "no standard channel: its own id");
        assertEquals("sms", GuardPolicy.defaults().consentChannel("sms-backup", ContactKind.MOBILE));
        assertTrue(guard.choose(care, withId, routes, ContactRules.Facts.consentsOnly(Map.of()), NOW).sends());
        assertEquals(SkipReason.NO_CONTACT, guard.choose(care, mobileOnly, routes, ContactRules.Facts.consentsOnly(Map.of()), NOW).skip(),
                "a mobile number is no LINE id");
        assertEquals(SkipReason.NO_CONSENT, guard.choose(marketing, withId, routes, ContactRules.Facts.consentsOnly(Map.of()), NOW).skip());
        Recipient granted = recipient(withId.addresses(), Map.of("line", true));
        assertTrue(guard.choose(marketing, granted, routes, ContactRules.Facts.consentsOnly(granted.consents()), NOW).sends());
        Recipient refused = recipient(withId.addresses(), Map.of("line", false, "sms", true));
        assertEquals(SkipReason.REFUSED, guard.choose(care, refused, routes, ContactRules.Facts.consentsOnly(refused.consents()), NOW).skip());
    }

    @Test
    void aConsentForEveryChannelCountsForMarketing() {
        Recipient star = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of("*", true));
        assertTrue(choose(marketing, star, "sms").sends());
    }

    @Test
    void theHoldoutIsDrawnOnlyAmongReachableCustomersAndOnlyWhenPlanning() {
        CampaignTerms all = new CampaignTerms(1, Purpose.CARE, 100, 42);
        Recipient reachable = recipient(Map.of(ContactKind.MOBILE, "13800001111"), Map.of());
        Recipient unreachable = recipient(Map.of(), Map.of());

        assertEquals(SkipReason.HOLDOUT, choose(all, reachable, "sms").skip());
        assertEquals(SkipReason.NO_CONTACT, choose(all, unreachable, "sms").skip());
        assertTrue(guard.recheck(all, reachable, "sms", ContactKind.MOBILE).isEmpty(), "delivery never re-draws the holdout");
    }

    @Test
    void holdoutIsDeterministicPerCampaignAndCustomerAndNearItsShare() {
        long seed = Holdout.seedOf("winback-silent|2026-11-22");
        assertEquals(seed, Holdout.seedOf("winback-silent|2026-11-22"));
        int held = 0;
        for (long id = 1; id <= 100_000; id++) {
            boolean h = Holdout.isHeldOut(seed, id, 10);
            assertEquals(h, Holdout.isHeldOut(seed, id, 10));
            if (h) held++;
        }
        assertTrue(held > 9_500 && held < 10_500, "about 10%: " + held);
        long other = Holdout.seedOf("winback-silent|2026-11-23");
        int same = 0;
        for (long id = 1; id <= 1000; id++) {
            if (Holdout.isHeldOut(seed, id, 50) == Holdout.isHeldOut(other, id, 50)) same++;
        }
        assertTrue(same > 400 && same < 600, "another campaign draws another group: " + same);
        assertFalse(Holdout.isHeldOut(seed, 1, 0));
        assertTrue(Holdout.isHeldOut(seed, 1, 100));
    }
}
