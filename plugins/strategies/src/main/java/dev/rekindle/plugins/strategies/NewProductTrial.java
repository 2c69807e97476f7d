package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.DataNeed;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Product;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Stage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 新品专享体验: loyal customers of a category (at least {@code min-orders} purchases, mostly in it) get
 * a trial of the new product. When the shop's products carry launch dates, the new products are those
 * launched in the last {@code new-days} days: each loyal customer of their category hears about the newest
 * one, by name, and nobody is chosen when nothing is new. A {@code product} setting names the product
 * instead; without launch dates and without it, each loyal customer hears about the new arrivals of the
 * category they buy most. {@code category} restricts the trial to one category.
 */
@Extension
public class NewProductTrial extends BuiltinStrategy {

    private String category;
    private String product;
    private int minOrders;
    private int newDays;
    private Set<Stage> stages;

    public NewProductTrial() {
        super("new-product-trial", "New-product trial 新品专享体验: loyal customers of a category", Purpose.MARKETING,
                "sms,email,wechat", "trial");
        needs(DataNeed.ORDERS, DataNeed.ORDER_CATEGORIES);
        declare("category", "");
        declare("product", "");
        declare("min-orders", "3");
        declare("new-days", "60");
        declare("stages", "active,silent");
        configure(Map.of());
    }

    @Override
    void configured() {
        newestFor = null;
        category = get("category").isBlank() ? null : get("category");
        product = get("product");
        minOrders = integer("min-orders", 1, 1000);
        newDays = integer("new-days", 1, 3650);
        stages = stages("stages");
    }

    @Override
    public String targets() {
        return "customers with at least " + minOrders + " purchases in stages " + String.join(",", list("stages"))
                + (category == null ? ", mostly in a category with a product launched in the last " + newDays
                        + " days (or, without launch dates, about the new arrivals of the category they buy most)"
                        : " who mostly buy " + category);
    }

    /** Worked out once per plan: decide runs per customer, a million times, on one context. */
    private PlanContext newestFor;
    private Map<String, Product> newest;
    private boolean dated;

    /** The newest product launched within new-days of the as-of date, by category. */
    Map<String, Product> newest(PlanContext ctx) {
        if (ctx == newestFor) {
            return newest;
        }
        Map<String, Product> m = new LinkedHashMap<>();
        ctx.products().stream()
                .filter(p -> p.launchedOn() != null && p.category() != null && !p.launchedOn().isAfter(ctx.asOf())
                        && !p.launchedOn().isBefore(ctx.asOf().minusDays(newDays)))
                .filter(p -> category == null || category.equals(p.category()))
                .sorted(Comparator.comparing(Product::launchedOn).reversed().thenComparing(Product::id))
                .forEach(p -> m.putIfAbsent(p.category(), p));
        newest = m;
        dated = ctx.products().stream().anyMatch(p -> p.launchedOn() != null);
        newestFor = ctx;
        return m;
    }

    /** Whether the plan goes by launch dates: some product has one and no product is named in the settings. */
    private boolean byLaunchDates(PlanContext ctx) {
        newest(ctx);
        return product.isBlank() && dated;
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        CandidateFilter f = CandidateFilter.everyone().withMinFrequency(minOrders).withStages(stages);
        if (byLaunchDates(ctx)) {
            Map<String, Product> fresh = newest(ctx);
            return fresh.isEmpty() ? CandidateFilter.nobodyToday() : f.withMainCategories(fresh.keySet());
        }
        return category == null ? f : f.withMainCategories(Set.of(category));
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        boolean loyal = c.frequency() >= minOrders && stages.contains(c.stage()) && c.mainCategory() != null
                && (category == null || category.equals(c.mainCategory()));
        if (!loyal) {
            return Optional.empty();
        }
        if (byLaunchDates(ctx)) {
            Product p = newest(ctx).get(c.mainCategory());
            return p == null ? Optional.empty()
                    : Optional.of(yes(c).withFact("category", p.category()).withFact("product", p.title()));
        }
        return Optional.of(sample(c, ctx));
    }

    /** One trial offer per product. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return d.facts().getOrDefault("product", "") + "@" + d.facts().getOrDefault("category", "");
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        String cat = category != null ? category : c.mainCategory() == null ? "店铺" : c.mainCategory();
        if (byLaunchDates(ctx)) {
            Product p = newest(ctx).get(cat);
            if (p != null) {
                return yes(c).withFact("category", cat).withFact("product", p.title());
            }
        }
        return yes(c).withFact("category", cat).withFact("product", product.isBlank() ? cat + "新品" : product);
    }
}
