package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.DataNeed;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Stage;
import java.util.Optional;
import java.util.Set;

/**
 * Win-back of one lifecycle stage with a targeted exclusive offer by segment; the later the stage, the
 * stronger the default offer. {@code min-monetary} keeps low spenders out when the shop wants to.
 */
abstract class StageWinback extends BuiltinStrategy {

    private final Stage stage;
    private double minMonetary;

    StageWinback(String id, String title, Stage stage, String defaultOffer) {
        super(id, title, Purpose.MARKETING, "sms,email,wechat", defaultOffer);
        needs(DataNeed.ORDERS);
        this.stage = stage;
        declare("min-monetary", "0");
    }

    @Override
    void configured() {
        minMonetary = integer("min-monetary", 0, 100_000_000);
    }

    @Override
    public String targets() {
        return "customers in the " + stage.code() + " stage (" + stage.chineseName() + ")"
                + (minMonetary > 0 ? " who spent at least ¥" + (long) minMonetary : "") + ", offer by RFM segment";
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        return CandidateFilter.everyone().withStages(Set.of(stage));
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        return c.stage() == stage && c.monetary() >= minMonetary ? Optional.of(sample(c, ctx)) : Optional.empty();
    }

    @Override
    public Decision sample(CustomerView c, PlanContext ctx) {
        return yes(c).withFact("days_since", String.valueOf(c.recencyDays() == null ? 0 : c.recencyDays()));
    }
}
