package dev.rekindle.predict;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.TextWidth;
import java.time.LocalDate;
import java.util.Locale;

/** One customer's prediction in the operator's words: what they did, what the models expect, and why. */
final class PredictionExplanation {

    private PredictionExplanation() {
    }

    static String of(Prediction p, PredictionFit fit) {
        LocalDate asOf = LocalDate.parse(p.asOf());
        LocalDate first = asOf.minusDays(Math.round(p.tWeeks() * RepeatPurchases.DAYS_PER_WEEK));
        LocalDate last = first.plusDays(Math.round(p.recencyWeeks() * RepeatPurchases.DAYS_PER_WEEK));
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("%s (%s): prediction as of %s, refreshed %s%n%n", p.buyerId(),
                p.name() == null ? "—" : p.name(), p.asOf(), fit.createdAt()));
        sb.append(Tr.f("What they did (paid and completed orders up to %s; orders of one day count once)%n", p.asOf()));
        line(sb, Tr.t("first purchase"), Tr.f("%s, %.1f weeks before the as-of date", first, p.tWeeks()));
        line(sb, Tr.t("repeat purchases"), p.frequency() == 1 ? Tr.t("1 day after the first")
                : Tr.f("%d days after the first", p.frequency()));
        if (p.frequency() > 0) {
            line(sb, Tr.t("last purchase"), Tr.f("%s, %.1f weeks before the as-of date", last,
                    p.weeksSinceLastPurchase()));
            line(sb, Tr.t("average spend"), Tr.f("¥%.2f per repeat purchase day", p.monetary()));
        }
        sb.append(Tr.f("%nWhat the models expect%n"));
        line(sb, Tr.t("still a customer"), Tr.f("%.0f%%  (P(alive) %.3f: %s)", p.pAlive() * 100,
                p.pAlive(), standing(p.pAlive())));
        line(sb, Tr.t("orders, 90 days"), String.format(Locale.ROOT, "%.2f", p.expectedOrders90d()));
        GammaGamma gg = fit.gammaGamma();
        line(sb, Tr.t("spend per order"), String.format(Locale.ROOT, "¥%.2f%s", p.expectedSpend(), gg == null || !gg.hasMean() ? ""
                : p.frequency() == 0 ? Tr.t(" (the shop-wide expectation: no repeat purchase to go by yet)")
                : Tr.f(" (their own ¥%.2f weighed with the shop-wide ¥%.2f)", p.monetary(), gg.populationMean())));
        line(sb, Tr.t("value, 365 days"), Tr.f("¥%.2f  (expected spend × margin %.2f, discounted %.1f%% a year)",
                p.clv365d(), fit.margin(), fit.annualDiscountRate() * 100));
        sb.append(Tr.f("%nIn plain words: %s%n", plainWords(p)));
        sb.append(Tr.f("%nModels (fit #%d on %,d customers): %s r=%.3f alpha=%.3f a=%.3f b=%.3f",
                fit.id(), fit.customers(), fit.modelName(), fit.bgR(), fit.bgAlpha(), fit.bgA(), fit.bgB()));
        if (gg != null) {
            sb.append(String.format(Locale.ROOT, "; Gamma-Gamma p=%.3f q=%.3f v=%.3f", gg.p(), gg.q(), gg.v()));
        }
        sb.append(Tr.f("%nCalibration: %s", PredictCommands.calibration(fit)));
        return sb.toString();
    }

    private static String plainWords(Prediction p) {
        String outlook = Tr.f("expects about %.1f orders in the next 90 days, worth ¥%,.0f over the next year.",
                p.expectedOrders90d(), p.clv365d());
        if (p.frequency() == 0) {
            return Tr.f("bought once, %.1f weeks ago. The model sees customers drop out only "
                    + "after a repeat purchase, so P(alive) is 100%% by construction; from how often first-time buyers "
                    + "of this shop come back, it %s", p.tWeeks(), outlook);
        }
        double gap = p.recencyWeeks() / p.frequency();
        double silence = p.weeksSinceLastPurchase();
        String rhythm = silence <= gap ? Tr.t("within their usual rhythm")
                : silence <= 2 * gap ? Tr.t("longer than their usual gap")
                : Tr.f("%.1f times their usual gap", silence / gap);
        return Tr.f("bought on %d days over %.1f weeks, about every %.1f weeks; the last "
                + "purchase was %.1f weeks ago, %s. The model puts the chance that they still buy here at %.0f%% (%s) "
                + "and %s", p.frequency() + 1, p.recencyWeeks(), gap, silence, rhythm, p.pAlive() * 100,
                standing(p.pAlive()), outlook);
    }

    static String standing(double pAlive) {
        return pAlive >= 0.8 ? Tr.t("very likely still a customer")
                : pAlive >= 0.5 ? Tr.t("probably still a customer")
                : pAlive >= 0.2 ? Tr.t("at risk: slipping away")
                : Tr.t("probably lost");
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("  %s %s%n", TextWidth.pad(label, 18), value));
    }
}
