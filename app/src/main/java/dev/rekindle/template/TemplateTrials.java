package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.Offer;
import dev.rekindle.api.Occasion;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.api.Strategy;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.Recipient;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.strategy.Candidate;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.RegisteredStrategy;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.PlanningSnapshots;
import dev.rekindle.strategy.StrategyRegistry;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Renders templates for real customers before any campaign uses them: {@code templates validate} tries
 * every template on a varied sample of customers and checks the channel rules; {@code templates preview}
 * shows one exact message. The strategy that owns the template folder supplies the offer and facts.
 */
@Component
public class TemplateTrials {

    /** One template rendered for one customer. */
    public record Trial(CustomerView customer, Recipient recipient, Decision decision, Rendered message, List<Finding> findings) {
    }

    /** The outcome for one template file: the trials, or the problem that stopped rendering. */
    public record Report(TemplateCatalog.TemplateFile file, String strategy, Purpose purpose, List<Trial> trials,
            TemplateProblem problem) {
        public boolean hasErrors() {
            return problem != null || trials.stream().anyMatch(t -> t.findings().stream().anyMatch(Finding::isError));
        }

        public boolean hasWarnings() {
            return trials.stream().anyMatch(t -> !t.findings().isEmpty());
        }
    }

    private static final Offer EXAMPLE_OFFER = new Offer("example", "老客专享8折券", "全店通用，7天内有效");

    private final ObjectProvider<StrategyRegistry> strategies;
    private final CustomerViewReader reader;
    private final PlanningSnapshots snapshots;
    private final TemplateEngine engine;
    private final TemplateCatalog catalog;
    private final ChannelRules rules;
    private final MessageModel model;
    private final ChannelKinds kinds;
    private final ShopProfile shop;

    public TemplateTrials(ObjectProvider<StrategyRegistry> strategies, CustomerViewReader reader, PlanningSnapshots snapshots,
            TemplateEngine engine, TemplateCatalog catalog, ChannelRules rules, MessageModel model, ChannelKinds kinds,
            ShopProfile shop) {
        this.strategies = strategies;
        this.reader = reader;
        this.snapshots = snapshots;
        this.engine = engine;
        this.catalog = catalog;
        this.rules = rules;
        this.model = model;
        this.kinds = kinds;
        this.shop = shop;
    }

    public TemplateCatalog catalog() {
        return catalog;
    }

    /** The strategy whose templates live in this folder, if any. */
    public Optional<Strategy> owner(String folder) {
        return strategies.getObject().all().stream().map(RegisteredStrategy::strategy)
                .filter(s -> s.template().equals(folder)).findFirst();
    }

    /** Validates the matching files: all, one folder ({@code winback-silent}) or one file ({@code winback-silent/sms}). */
    public List<Report> validate(List<TemplateCatalog.TemplateFile> files) {
        Optional<Snapshot> snapshot = snapshots.current();
        List<Candidate> customers = reader.samples(snapshot.orElse(null), 5);
        if (customers.isEmpty()) {
            customers = List.of(example());
        }
        List<Report> reports = new ArrayList<>();
        for (TemplateCatalog.TemplateFile f : files) {
            reports.add(validate(f, customers, snapshot.map(Snapshot::asOf).orElse(shop.today())));
        }
        return reports;
    }

    private Report validate(TemplateCatalog.TemplateFile f, List<Candidate> customers, LocalDate asOf) {
        Optional<Strategy> owner = owner(f.folder());
        Purpose purpose = owner.map(Strategy::purpose).orElse(Purpose.MARKETING);
        String strategyId = owner.map(Strategy::id).orElse(null);
        try {
            ContactKind kind = kinds.kindOf(f.channel()).orElseThrow(() -> new TemplateProblem(f.name(), null,
                    Tr.f("'%s' is not a channel: name template files sms, email, wechat or taobao-group (.ftl)", f.channel())));
            Locale locale = f.locale().isEmpty() ? engine.settings().locale() : Locale.forLanguageTag(f.locale().replace('_', '-'));
            PreparedTemplate template = engine.prepare(f.folder(), f.channel(), kind, locale);
            List<Trial> trials = new ArrayList<>();
            for (Candidate c : customers) {
                trials.add(render(owner.orElse(null), template, purpose, c, asOf));
            }
            return new Report(f, strategyId, purpose, trials, null);
        } catch (TemplateProblem p) {
            return new Report(f, strategyId, purpose, List.of(), p);
        }
    }

    /** Renders one template for one customer with the owning strategy's (sample) decision. */
    public Trial render(Strategy owner, PreparedTemplate template, Purpose purpose, Candidate c, LocalDate asOf) {
        PlanContext ctx = new PlanContext(asOf);
        Decision d = owner == null ? Decision.contact(List.of(template.channel())).withOffer(EXAMPLE_OFFER)
                : owner.sample(c.view(), ctx);
        Map<String, String> facts = new HashMap<>();
        if (owner != null) {
            owner.occasion(ctx).map(Occasion::facts).ifPresent(facts::putAll);
        }
        facts.putAll(d.facts());
        CampaignRef ref = new CampaignRef(0, "preview", owner == null ? "" : owner.id(), purpose, asOf);
        Rendered r = template.render(model.forCampaign(ref).model(c.view(), d.offer(), facts));
        return new Trial(c.view(), c.recipient(), d, r, rules.check(template, purpose, r));
    }

    public Optional<Snapshot> snapshot() {
        return snapshots.current();
    }

    /** A made-up customer for an empty database, so templates can still be checked. */
    private static Candidate example() {
        CustomerView v = CustomerView.builder(0, "example").name("王小明").gender("F").city("杭州")
                .birthday(MonthDay.of(3, 14), 1990).contacts(ContactKind.MOBILE, ContactKind.EMAIL, ContactKind.WECHAT)
                .stage(Stage.SILENT).segment(RfmSegment.IMPORTANT_KEEP).recencyDays(120).frequency(5).monetary(1288.5)
                .scores(2, 4, 5).mainCategory("美妆护肤").firstOrder(LocalDate.now().minusDays(400))
                .lastOrder(LocalDate.now().minusDays(120)).build();
        return new Candidate(v, new Recipient(0, "example", Map.of(ContactKind.MOBILE, "13800000000"), Map.of()));
    }

    /** For a strategy's own pre-selection: how many latest orders its decisions need. */
    public static int lastOrdersOf(Strategy s, LocalDate asOf) {
        CandidateFilter f = s.candidates(new PlanContext(asOf));
        return f.lastOrders();
    }
}
