package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Stage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * 新品专享体验: loyal customers of a category (at least {@code min-orders} purchases, mostly in it) get
 * a trial of the new product. With no {@code category} set, each loyal customer hears about the new
 * arrivals of the category they buy most.
 */
@Extension
public class NewProductTrial extends BuiltinStrategy {

    private String category;
    private String product;
    private int minOrders;
    private Set<Stage> stages;

    public NewProductTrial() {
        super("new-product-trial", "New-product trial 新品专享体验: loyal customers of a category", Purpose.MARKETING,
                "sms,email,wechat", "trial");
        declare("category", "");
        declare("product", "");
        declare("min-orders", "3");
        declare("stages", "active,silent");
        configure(Map.of());
    }

    @Override
    void configured() {
        category = get("category").isBlank() ? null : get("category");
        product = get("product");
        minOrders = integer("min-orders", 1, 1000);
        stages = stages("stages");
    }

    @Override
    public String targets() {
        return "customers with at least " + minOrders + " purchases in stages " + String.join(",", list("stages"))
                + (category == null ? ", about the new arrivals of the category they buy most" : " who mostly buy " + category);
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        CandidateFilter f = CandidateFilter.everyone().withMinFrequency(minOrders).withStages(stages);
        return category == null ? f : f.withMainCategories(Set.of(category));
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        boolean loyal = c.frequency() >= minOrders && stages.contains(c.stage()) && c.mainCategory() != null
                && (category == null || category.equals(c.mainCategory()));
        return loyal ? Optional.of(sample(c, ctx)) : Optional.empty();
    }

    /** One trial offer per product. */
    @Override
    public String occasionKey(CustomerView c, Decision d, PlanContext ctx) {
        return d.facts().getOrDefault("product", "") + "@" + d.facts().getOrDefault("category", "");
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        String cat = category != null ? category : c.mainCategory() == null ? "店铺" : c.mainCategory();
        return yes(c).withFact("category", cat).withFact("product", product.isBlank() ? cat + "新品" : product);
    }
}
