package dev.rekindle.predict;

import dev.rekindle.customer.Customer;
import dev.rekindle.customer.CustomerRepository;
import dev.rekindle.i18n.Tr;
import dev.rekindle.shop.AsOf;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Progress;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class PredictCommands {

    private final PredictionService service;
    private final PredictionRepository predictions;
    private final CustomerRepository customers;
    private final ShopProfile shop;

    PredictCommands(PredictionService service, PredictionRepository predictions, CustomerRepository customers,
            ShopProfile shop) {
        this.service = service;
        this.predictions = predictions;
        this.customers = customers;
        this.shop = shop;
    }

    /** Predicted against actual purchase days over the calibration holdout, in words. */
    static String calibration(PredictionFit f) {
        if (f.calibrationActual() == null || f.calibrationPredicted() == null) {
            return Tr.t("not measured (rekindle.predict.calibration-weeks=0, or too few repeat buyers before the holdout)");
        }
        return Tr.f("refitted without the last %.0f weeks, it expected %,.0f purchase days there from %,d customers; "
                        + "they made %,d (%s)", f.calibrationWeeks(), f.calibrationPredicted(), f.calibrationCustomers(),
                f.calibrationActual(), Double.isNaN(f.calibrationError()) ? "—"
                        : String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * f.calibrationError()));
    }

    @Command(name = {"predict", "refresh"}, group = Groups.ANALYSIS,
            description = "Fit the churn and value models and store P(alive), 90-day orders and 365-day value per customer",
            help = """
                    predict refresh
                    predict refresh --as-of 2025-01-01""")
    String refresh(CommandContext ctx,
            @Option(longName = "as-of", description = "ignore purchases after this day (YYYY-MM-DD; default today)") String asOf) {
        LocalDate day = AsOf.parse(asOf, shop);
        PredictionService.Outcome o = service.refresh(day, (label, total) -> Progress.start(ctx, label, total));
        PredictionFit f = o.fit();
        GammaGamma gg = f.gammaGamma();
        return Tr.f("""
                Predictions as of %s for %,d customers who had bought (%,d of them on more than one day), in %.1f s.
                  purchase model  %s  r=%.3f alpha=%.3f a=%.3f b=%.3f  (log-likelihood %.1f)
                  calibration     %s
                  spend model     %s
                  value           next 365 days, margin %.2f%s, discounted %.1f%% a year
                  outlook         average P(alive) %.2f; %,d customers below 0.5
                                  expected orders in the next 90 days: %,.0f in all
                                  expected value of the next 365 days: ¥%,.0f in all
                Next: predict list --max-p-alive 0.5   (valuable customers slipping away)
                      predict show ID                  (one customer, explained)""",
                f.asOf(), f.customers(), f.repeatCustomers(), f.seconds(), f.modelName(), f.bgR(), f.bgAlpha(), f.bgA(), f.bgB(),
                f.bgLogLikelihood(), calibration(f),
                gg == null || !gg.hasMean()
                        ? Tr.f("no usable Gamma-Gamma fit; each customer's own average spend is used (shop: ¥%.2f)", o.populationSpend())
                        : Tr.f("Gamma-Gamma  p=%.3f q=%.3f v=%.3f  (%,d repeat buyers; ¥%.2f per purchase shop-wide)",
                                gg.p(), gg.q(), gg.v(), f.ggCustomers(), o.populationSpend()),
                f.margin(), f.margin() == 1 ? Tr.t(" (revenue)") : "", f.annualDiscountRate() * 100,
                o.meanPAlive(), o.belowHalf(), o.expectedOrders90d(), o.value365d());
    }

    @Command(name = {"predict", "show"}, group = Groups.ANALYSIS,
            description = "Explain one customer's predicted churn and value in plain words",
            help = "predict show tb1007919")
    String show(@Argument(index = 0, description = "ID: the shop's buyer id") String id) {
        if (id == null || id.isBlank()) {
            throw new UsageException(Tr.t("missing ID, e.g. predict show tb1007919"));
        }
        Customer c = customers.findByBuyerId(id.trim()).orElseThrow(() -> new UserException(
                Tr.f("no customer with buyer id '%s'. Find one with: customers find --name NAME", id)));
        PredictionFit latest = predictions.latestFit().orElseThrow(() -> new UserException(
                Tr.t("no predictions yet. Run: predict refresh")));
        return predictions.find(c.id())
                .map(p -> PredictionExplanation.of(p, predictions.fit(p.fitId()).orElse(latest)))
                .orElseGet(() -> Tr.f("%s (%s) had no paid or completed order on or before %s, the as-of date "
                        + "of the last predict refresh: there is nothing to predict from.", c.buyerId(),
                        c.name() == null ? "—" : c.name(), latest.asOf()));
    }

    @Command(name = {"predict", "list"}, group = Groups.ANALYSIS,
            description = "Customers by predicted value or churn risk, e.g. the valuable ones slipping away",
            help = """
                    predict list --max-p-alive 0.5
                    predict list --sort p-alive --limit 50
                    predict list --sort orders --format csv""")
    String list(@Option(longName = "sort", description = "clv (highest value first), p-alive (most likely lost first) or orders (most expected orders first)",
                    defaultValue = "clv") String sort,
            @Option(longName = "max-p-alive", description = "only customers whose P(alive) is below this (0..1)") Double maxPAlive,
            @Option(longName = "limit", description = "at most this many", defaultValue = "20") Integer limit,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        PredictionRepository.Order order = Arrays.stream(PredictionRepository.Order.values())
                .filter(o -> o.label().equalsIgnoreCase(sort == null ? "" : sort.trim())).findFirst()
                .orElseThrow(() -> new UsageException(Tr.f("--sort takes %s, got '%s'", Arrays.stream(PredictionRepository.Order.values())
                        .map(PredictionRepository.Order::label).collect(Collectors.joining(", ")), sort)));
        if (maxPAlive != null && !(maxPAlive > 0 && maxPAlive <= 1)) {
            throw new UsageException(Tr.f("--max-p-alive takes a probability above 0 and at most 1, e.g. 0.5, got %s", maxPAlive));
        }
        if (limit < 1) {
            throw new UsageException(Tr.t("--limit must be at least 1"));
        }
        PredictionFit fit = predictions.latestFit().orElseThrow(() -> new UserException(
                Tr.t("no predictions yet. Run: predict refresh")));
        List<Prediction> found = predictions.list(order, maxPAlive, limit);
        if (found.isEmpty() && out == OutputFormat.TABLE) {
            return Tr.f("No customer has a P(alive) below %s (predictions as of %s).", maxPAlive, fit.asOf());
        }
        Table t = new Table("buyer_id", "name", "repeat_days", "weeks_since_last", "p_alive", "orders_90d",
                "spend", "clv_365d");
        found.forEach(p -> t.row(p.buyerId(), p.name(), p.frequency(), round(p.weeksSinceLastPurchase(), 2),
                round(p.pAlive(), 4), round(p.expectedOrders90d(), 4), round(p.expectedSpend(), 2), round(p.clv365d(), 2)));
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        long matching = predictions.count(maxPAlive);
        String below = maxPAlive == null ? "" : Tr.f(" with P(alive) below %s", maxPAlive);
        return t.render(out) + (found.size() < matching
                ? Tr.f("%n(first %d of %,d%s, by %s; predictions as of %s)", found.size(), matching, below, order.label(), fit.asOf())
                : Tr.f("%n(all %d of %,d%s, by %s; predictions as of %s)", found.size(), matching, below, order.label(), fit.asOf()));
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
