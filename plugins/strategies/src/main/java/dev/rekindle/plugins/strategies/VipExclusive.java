package dev.rekindle.plugins.strategies;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.DataNeed;
import dev.rekindle.api.Decision;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * VIP 专享: the most valuable customers — important value (VIP treatment, early access, no discount
 * needed) and important keep (win back now: personal care and an exclusive offer).
 */
@Extension
public class VipExclusive extends BuiltinStrategy {

    private Set<RfmSegment> segments;
    private Set<Stage> stages;

    public VipExclusive() {
        super("vip-exclusive", "VIP exclusive VIP专享: important value and important keep customers", Purpose.MARKETING,
                "wechat,sms,email", "vip-early");
        needs(DataNeed.ORDERS);
        declare("segments", "important_value,important_keep");
        declare("stages", "active,silent,sleeping");
        declare("offer.important_keep", "coupon-20");
        configure(Map.of());
    }

    @Override
    void configured() {
        segments = segments("segments");
        stages = stages("stages");
    }

    @Override
    public String targets() {
        return "RFM segments " + String.join(",", list("segments")) + " in stages " + String.join(",", list("stages"));
    }

    @Override
    public CandidateFilter candidates(PlanContext ctx) {
        return CandidateFilter.everyone().withSegments(segments).withStages(stages);
    }

    @Override
    public Optional<Decision> decide(CustomerView c, PlanContext ctx) {
        return c.segment() != null && segments.contains(c.segment()) && stages.contains(c.stage())
                ? Optional.of(yes(c)) : Optional.empty();
    }
}
