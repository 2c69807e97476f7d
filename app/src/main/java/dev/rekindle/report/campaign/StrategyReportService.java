package dev.rekindle.report.campaign;

import dev.rekindle.i18n.Tr;
import dev.rekindle.report.uplift.PooledStatistics;
import dev.rekindle.report.uplift.Uplift;
import dev.rekindle.report.uplift.UpliftStatistics;
import dev.rekindle.console.UserException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a {@link StrategyReport}: every campaign of a strategy that went out in the period, with the same
 * window, contacted against holdout within each campaign, then pooled with campaigns as strata. Each campaign's
 * row uses the same seed as its own {@code campaigns report}, so the two show the same figures.
 */
@Service
public class StrategyReportService {

    private final Campaigns campaigns;
    private final MemberOutcomes outcomes;
    private final UpliftStatistics statistics = UpliftStatistics.standard();

    public StrategyReportService(Campaigns campaigns, MemberOutcomes outcomes) {
        this.campaigns = campaigns;
        this.outcomes = outcomes;
    }

    @Transactional(readOnly = true)
    public StrategyReport report(String strategy, LocalDate from, LocalDate to, int windowDays, LocalDateTime evaluatedAt) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new UserException(Tr.f("--to %s is before --from %s", to, from));
        }
        List<Long> ids = campaigns.ofStrategy(strategy);
        if (ids.isEmpty()) {
            throw new UserException(Tr.f("no campaign of strategy '%s'. See the campaigns with: campaigns list", strategy));
        }
        record Sent(CampaignFacts facts, SendTime sent) {
        }
        List<Sent> chosen = new ArrayList<>();
        for (long id : ids) {
            CampaignFacts c = campaigns.find(id);
            SendTime sent = campaigns.sendTime(c);
            LocalDate day = sent.at().toLocalDate();
            if ((from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to)) && !sent.at().isAfter(evaluatedAt)) {
                chosen.add(new Sent(c, sent));
            }
        }
        if (chosen.isEmpty()) {
            throw new UserException(Tr.f("strategy '%s' has %d campaign(s), none sent in the period asked for", strategy, ids.size()));
        }
        chosen.sort(Comparator.comparing((Sent s) -> s.sent().at()).thenComparing(s -> s.facts().id()));
        List<StrategyReport.Row> rows = new ArrayList<>();
        List<PooledStatistics.Stratum> strata = new ArrayList<>();
        for (Sent s : chosen) {
            LocalDateTime windowEnd = s.sent().at().plusDays(windowDays);
            LocalDateTime until = evaluatedAt.isBefore(windowEnd) ? evaluatedAt : windowEnd;
            Tallies t = outcomes.read(s.facts().id(), s.sent().at(), until, Optional.empty());
            Tallies.Pair p = t.overall;
            long seed = CampaignReportService.seed(s.facts().id(), "overall");
            Uplift u = CampaignReportService.compare(statistics, seed, p);
            strata.add(new PooledStatistics.Stratum(p.contacted, p.contactedSpend.toArray(), p.holdout,
                    p.holdoutSpend.toArray(), seed));
            rows.add(new StrategyReport.Row(s.facts(), s.sent(), !evaluatedAt.isBefore(windowEnd), u,
                    PooledStatistics.pool(strata, statistics.confidence(), false)));
        }
        return new StrategyReport(strategy, from, to, windowDays, evaluatedAt, rows,
                PooledStatistics.pool(strata, statistics.confidence(), true));
    }
}
