package dev.rekindle.campaign;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Decision;
import dev.rekindle.api.Occasion;
import dev.rekindle.api.Offer;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Strategy;
import dev.rekindle.guard.CampaignTerms;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.Guard;
import dev.rekindle.delivery.DeliveryLedger;
import dev.rekindle.guard.Holdout;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.guard.Verdict;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.RegisteredStrategy;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.PlanningSnapshots;
import dev.rekindle.strategy.SqlCondition;
import dev.rekindle.strategy.StrategyRegistry;
import dev.rekindle.template.TemplateCatalog;
import dev.rekindle.template.TemplateEngine;
import dev.rekindle.template.TemplateTrials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans a campaign: streams the snapshot's customers through the strategy's pre-selection and decision,
 * asks the guard for a channel (or a skip reason) per chosen customer — the same rules the send applies,
 * as a forecast from the recent ledger: consents, care-only channels, caps, give-up, and one message per
 * occasion —, draws the holdout, and stores it all in one transaction with the template text it was
 * approved with: a plan is complete or absent, and a plan with nobody to contact is not stored at all.
 * Deterministic: customers are read in id order, strategies are pure, and the holdout seed comes from the
 * strategy and the as-of date.
 */
@Service
public class CampaignPlanner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1000;

    private final ObjectProvider<StrategyRegistry> strategies;
    private final PlanningSnapshots snapshots;
    private final CustomerViewReader reader;
    private final Guard guard;
    private final ChannelKinds kinds;
    private final List<SegmentResolver> segments;
    private final CampaignRepository campaigns;
    private final TemplateEngine engine;
    private final TemplateTrials trials;
    private final ShopProfile shop;
    private final dev.rekindle.strategy.PlanContexts planContexts;
    private final TransactionTemplate tx;
    private final Holdouts holdouts;
    private final PlanningHistory history;
    private final CampaignTemplates approved;

    public CampaignPlanner(ObjectProvider<StrategyRegistry> strategies, PlanningSnapshots snapshots, CustomerViewReader reader,
            Guard guard, ChannelKinds kinds, List<SegmentResolver> segments, CampaignRepository campaigns,
            TemplateEngine engine, TemplateTrials trials, ShopProfile shop, PlatformTransactionManager txManager,
            Holdouts holdouts, PlanningHistory history, CampaignTemplates approved, dev.rekindle.strategy.PlanContexts planContexts) {
        this.planContexts = planContexts;
        this.holdouts = holdouts;
        this.history = history;
        this.approved = approved;
        this.strategies = strategies;
        this.snapshots = snapshots;
        this.reader = reader;
        this.guard = guard;
        this.kinds = kinds;
        this.segments = segments;
        this.campaigns = campaigns;
        this.engine = engine;
        this.trials = trials;
        this.shop = shop;
        this.tx = new TransactionTemplate(txManager);
    }

    public PlanResult plan(PlanRequest req, Function<Long, Progress> progress) {
        RegisteredStrategy rs = strategies.getObject().require(req.strategy());
        Strategy strategy = rs.strategy();
        Snapshot snapshot = snapshots.require(req.asOf());
        PlanContext ctx = planContexts.forDay(snapshot.asOf()); // the shop's products (new-product-trial)
        double holdout = req.holdoutPct() == null ? holdouts.defaultFor(strategy.id(), strategy.purpose()) : req.holdoutPct();
        if (holdout < 0 || holdout > 90) {
            throw new UsageException(Tr.f("--holdout is a percentage from 0 to 90, got %s", req.holdoutPct()));
        }
        List<String> channels = req.channel() == null ? strategy.channels() : List.of(req.channel().strip());
        Map<String, Guard.Route> routes = new LinkedHashMap<>();
        for (String c : channels) {
            routes.put(c, route(c));
        }
        Map<String, ContactKind> kindOf = new LinkedHashMap<>();
        routes.forEach((c, r) -> kindOf.put(c, r.kind()));
        checkTemplates(strategy, kindOf);
        SqlCondition restriction = req.segment() == null ? null : restriction(req.segment(), snapshot);
        Optional<Occasion> occasion = strategy.occasion(ctx);
        CandidateFilter filter = strategy.candidates(ctx);

        Campaign draft = new Campaign(0, req.name() == null || req.name().isBlank() ? strategy.id() + " " + snapshot.asOf() : req.name().strip(),
                strategy.id(), strategy.purpose(), strategy.template(), snapshot.id(), snapshot.asOf(),
                restriction == null ? null : req.segment().strip(), req.channel(), holdout,
                Holdout.seedOf(strategy.id() + "|" + snapshot.asOf()), settingsJson(rs, channels, occasion, restriction),
                occasion.map(o -> o.facts().isEmpty() ? null : JSON.writeValueAsString(o.facts())).orElse(null),
                CampaignStatus.PLANNING, 0, 0, 0, 0, DeliveryLedger.time(shop.now()), null, null);
        if (!req.again()) {
            Optional<Campaign> same = campaigns.samePlan(strategy.id(), draft.segment(), draft.channel(), holdout,
                    snapshot.asOf(), shop.today());
            if (same.isPresent()) {
                // a daily script run twice: the same plan, so its sends stay exactly once
                return PlanResult.existing(same.get());
            }
        }
        CustomerViewReader.Request read = new CustomerViewReader.Request(snapshot, filter, restriction);
        long total = filter.nobody() ? 0 : reader.count(read);
        java.time.LocalDateTime now = shop.now();
        PlanningHistory.Facts history = this.history.load(strategy.id(), strategy.purpose(), now);
        Tally tally = new Tally();
        Long id = tx.execute(status -> {
            long cid = campaigns.insert(draft);
            CampaignTerms terms = new CampaignTerms(cid, strategy.purpose(), holdout, draft.holdoutSeed());
            List<CampaignRepository.Member> batch = new ArrayList<>(BATCH);
            Map<String, Offer> offers = new LinkedHashMap<>();
            Map<String, Guard.Route> allRoutes = new LinkedHashMap<>(routes);
            try (Progress p = progress.apply(total)) {
                reader.forEach(read, c -> {
                    p.advance(1);
                    tally.looked++;
                    Optional<Decision> d = strategy.decide(c.view(), ctx);
                    if (d.isEmpty()) {
                        return;
                    }
                    Decision decision = d.get();
                    String occasionKey = strategy.id() + "|" + strategy.occasionKey(c.view(), decision, ctx);
                    List<Guard.Route> order = (req.channel() == null ? decision.channels() : channels).stream()
                            .map(ch -> allRoutes.computeIfAbsent(ch, this::route)).toList();
                    Verdict v = guard.choose(terms, c.recipient(), order,
                            history.of(c.view().id(), c.recipient().consents(), occasionKey), now);
                    String offerCode = remember(offers, decision.offer());
                    String status1 = v.sends() ? "target" : v.skip().equals(SkipReason.HOLDOUT) ? "holdout" : "skipped";
                    batch.add(new CampaignRepository.Member(c.view().id(), status1, v.channel(),
                            v.sends() ? null : v.skip().code(), offerCode,
                            decision.facts().isEmpty() ? null : JSON.writeValueAsString(decision.facts()), occasionKey));
                    tally.count(status1, v.sends() ? null : v.skip().code());
                    if (batch.size() >= BATCH) {
                        campaigns.insertMembers(cid, snapshot.id(), batch);
                        batch.clear();
                    }
                });
            }
            if (tally.targets + tally.holdout == 0) {
                // nobody to contact or measure: no campaign (a daily script's send then has nothing to do)
                status.setRollbackOnly();
                return null;
            }
            campaigns.insertMembers(cid, snapshot.id(), batch);
            campaigns.insertOffers(cid, offers);
            Map<String, ContactKind> used = new LinkedHashMap<>();
            allRoutes.forEach((ch, r) -> used.put(ch, r.kind()));
            approved.pin(cid, strategy.template(), used, DeliveryLedger.time(now));
            campaigns.finishPlan(cid, tally.targets + tally.holdout + tally.skipped, tally.targets, tally.holdout, tally.skipped);
            return cid;
        });
        if (id == null) {
            return PlanResult.nothing(draft, tally.looked, tally.targets + tally.holdout + tally.skipped,
                    occasion.map(Occasion::summary).orElse(null), restriction == null ? null : restriction.label(), tally.reasons);
        }
        Campaign stored = campaigns.find(id).orElseThrow();
        return new PlanResult(stored, tally.looked, occasion.map(Occasion::summary).orElse(null),
                restriction == null ? null : restriction.label(), campaigns.countBy(id, "channel", "target"),
                campaigns.countBy(id, "reason", "skipped"), campaigns.countBy(id, "offer_code", "target"));
    }

    /** How planning sees a channel: its contact kind, and its traits when a plugin provides it. */
    private Guard.Route route(String channel) {
        return new Guard.Route(channel, kinds.require(channel), kinds.traits(channel).orElse(null));
    }

    private static String remember(Map<String, Offer> offers, Offer o) {
        if (o == null) {
            return null;
        }
        Offer known = offers.putIfAbsent(o.code(), o);
        if (known != null && !known.equals(o)) {
            throw new UserException(Tr.f("the strategy gave two different offers the same code '%s': "
                    + "%s and %s. Give each tier its own code in the strategy's settings", o.code(), known, o));
        }
        return o.code();
    }

    /** Refuses to plan on a missing or broken template: the operator sees the problem before any customer does. */
    private void checkTemplates(Strategy strategy, Map<String, ContactKind> kindOf) {
        checkTemplates(strategy.id(), strategy.template(), kindOf);
    }

    /** The same for a strategy's template folder (also before approving edited templates). */
    void checkTemplates(String strategyId, String folder, Map<String, ContactKind> kindOf) {
        List<TemplateCatalog.TemplateFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ContactKind> e : kindOf.entrySet()) {
            Optional<String> file = engine.fileFor(folder, e.getKey(), e.getValue());
            if (file.isEmpty()) {
                problems.add(Tr.f("templates/%s/%s.ftl is missing", folder, e.getKey()));
                continue;
            }
            trials.catalog().list().stream()
                    .filter(f -> f.folder().equals(folder) && f.channel().equals(file.get()) && f.locale().isEmpty())
                    .forEach(files::add);
        }
        for (TemplateTrials.Report r : trials.validate(files.stream().distinct().toList())) {
            if (r.problem() != null) {
                problems.add(r.problem().getMessage());
            }
            r.trials().stream().flatMap(t -> t.findings().stream()).filter(f -> f.isError())
                    .map(f -> "templates/" + r.file().name() + ": " + f.message()).distinct().forEach(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new UserException(Tr.f("cannot plan %s: its templates have problems —\n  %s\nFix them, check with: templates validate %s",
                    strategyId, String.join("\n  ", problems), folder));
        }
    }

    private SqlCondition restriction(String name, Snapshot snapshot) {
        for (SegmentResolver r : segments) {
            Optional<SqlCondition> c = r.resolve(name.strip(), snapshot);
            if (c.isPresent()) {
                return c.get();
            }
        }
        List<String> known = segments.stream().flatMap(r -> r.examples().stream()).toList();
        throw new UsageException(Tr.f("unknown segment '%s'. Use a saved segment (segments define), an RFM segment or a stage: %s",
                name, String.join(", ", known)));
    }

    private static String settingsJson(RegisteredStrategy rs, List<String> channels, Optional<Occasion> occasion,
            SqlCondition restriction) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plugin", rs.pluginId() + " " + rs.pluginVersion());
        m.put("channels", channels);
        m.put("settings", new java.util.TreeMap<>(rs.strategy().settings()));
        occasion.ifPresent(o -> m.put("occasion", o.summary()));
        if (restriction != null) {
            m.put("restriction", Map.of("label", restriction.label(), "sql", restriction.sql(),
                    "params", restriction.params().stream().map(String::valueOf).toList()));
        }
        return JSON.writeValueAsString(m);
    }

    /** Running counts while streaming. */
    private static final class Tally {
        long looked;
        long targets;
        long holdout;
        long skipped;

        final Map<String, Long> reasons = new LinkedHashMap<>();

        void count(String status, String reason) {
            switch (status) {
                case "target" -> targets++;
                case "holdout" -> holdout++;
                default -> {
                    skipped++;
                    reasons.merge(reason, 1L, Long::sum);
                }
            }
        }
    }
}
