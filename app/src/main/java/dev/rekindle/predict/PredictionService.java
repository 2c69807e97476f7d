package dev.rekindle.predict;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code predict refresh}: summarises every customer's purchase days up to the as-of date, fits MBG/NBD (or BG/NBD,
 * {@code rekindle.predict.model}) and Gamma-Gamma on them, measures the purchase model's calibration over the last
 * {@code rekindle.predict.calibration-weeks} weeks, and replaces the stored predictions in one transaction.
 */
@Service
public class PredictionService {

    /** Below this many repeat buyers the models have too little to learn how customers come back. */
    static final int MIN_REPEAT_CUSTOMERS = 10;
    static final double ORDERS_HORIZON_WEEKS = 90 / RepeatPurchases.DAYS_PER_WEEK;
    private static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(PredictionService.class);

    /** What a refresh did, for the operator. */
    public record Outcome(PredictionFit fit, double meanPAlive, long belowHalf, double expectedOrders90d,
            double value365d, double populationSpend) {
    }

    /** Progress bars per phase; {@link Progress#silent()} for tests and scripts. */
    public interface ProgressBars {
        Progress start(String label, long total);
    }

    private final PredictionRepository predictions;
    private final ShopProfile shop;
    private final TransactionTemplate transaction;
    private final double margin;
    private final double annualDiscountRate;
    private final String model;
    private final int calibrationWeeks;
    private final boolean eachOrder; // rekindle.purchase-occasion=order: every order is a purchase, not every day

    static final String BG_NBD = "bg-nbd";
    static final String MBG_NBD = "mbg-nbd";

    public PredictionService(PredictionRepository predictions, ShopProfile shop, PlatformTransactionManager transactions,
            PredictProperties settings, dev.rekindle.metrics.MetricsProperties metrics) {
        this.eachOrder = metrics.purchaseOccasion() == dev.rekindle.metrics.PurchaseOccasion.ORDER;
        this.predictions = predictions;
        this.shop = shop;
        this.transaction = new TransactionTemplate(transactions);
        this.margin = settings.margin();
        this.annualDiscountRate = settings.annualDiscountRate();
        this.model = settings.model().code();
        this.calibrationWeeks = settings.calibrationWeeks();
    }

    public Outcome refresh(LocalDate asOf, ProgressBars bars) {
        if (!(margin >= 0 && margin <= 1) || !(annualDiscountRate >= 0 && annualDiscountRate < 1)) {
            throw new UserException(Tr.f("rekindle.predict.margin must be between 0 and 1 (got %s) and "
                    + "rekindle.predict.annual-discount-rate between 0 and 1, e.g. 0.10 for 10%% (got %s)",
                    margin, annualDiscountRate));
        }
        if (calibrationWeeks < 0 || calibrationWeeks > 104) {
            throw new UserException(Tr.f("rekindle.predict.calibration-weeks must be 0 (none) to 104, got %d", calibrationWeeks));
        }
        long started = System.nanoTime();
        Calibration calibration = new Calibration(asOf.minusWeeks(calibrationWeeks).toEpochDay(), eachOrder);
        Cohort cohort = summarise(asOf, bars, calibrationWeeks > 0 ? calibration : null);
        if (cohort.size() == 0) {
            throw new UserException(Tr.f("no paid or completed order on or before %s: nothing to predict. Import orders, "
                    + "or choose a later --as-of date.", asOf));
        }
        if (cohort.repeatCustomers() < MIN_REPEAT_CUSTOMERS) {
            throw new UserException(Tr.f("only %d customer(s) bought on more than one day up to %s; the model "
                    + "needs at least %d to learn how customers come back. Import more orders or choose a later --as-of date.",
                    cohort.repeatCustomers(), asOf, MIN_REPEAT_CUSTOMERS));
        }
        long read = System.nanoTime();
        Models models = fit(cohort, bars, fitter());
        BgNbdFitter.Fit bg = models.bg();
        GammaGammaFitter.Fit gg = models.gg();
        long fitted = System.nanoTime();
        log.info("predict: as of {}, {} customers ({} repeat) read in {} ms; {} in {} evaluations, {} in {}; fitted in {} ms",
                asOf, cohort.size(), cohort.repeatCustomers(), (read - started) / 1_000_000, bg.model(), bg.evaluations(),
                gg == null ? "no spend model" : gg.model(), gg == null ? 0 : gg.evaluations(), (fitted - read) / 1_000_000);
        Spend spend = new Spend(gg == null ? null : gg.model(), cohort);
        Double calibrationPredicted = calibrationWeeks > 0 ? calibration.predicted(fitter(), calibrationWeeks) : null;
        boolean calibrated = calibrationPredicted != null;
        PredictionFit draft = new PredictionFit(0, asOf.toString(), shop.now().toString().replace('T', ' '),
                cohort.size(), cohort.repeatCustomers(), bg.model().r(), bg.model().alpha(), bg.model().a(), bg.model().b(),
                bg.logLikelihood(), gg == null ? 0 : gg.customers(), gg == null ? null : gg.model().p(),
                gg == null ? null : gg.model().q(), gg == null ? null : gg.model().v(), margin, annualDiscountRate, 0,
                model, calibrated ? (double) calibrationWeeks : null, calibrated ? calibration.cohort.size() : null,
                calibrationPredicted, calibrated ? (int) calibration.actual : null);
        Totals totals;
        try {
            totals = transaction.execute(status -> store(draft, cohort, bg.model(), spend, bars));
        } catch (ArithmeticException numbers) {
            log.error("predict: scoring failed with {}", bg.model(), numbers);
            throw new UserException(Tr.f("the fitted models gave no usable number for some customers (%s); nothing was changed. "
                    + "The log file has the parameters.", numbers.getMessage()), numbers);
        }
        log.info("predict: scored and stored in {} ms", (System.nanoTime() - fitted) / 1_000_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        predictions.finishFit(totals.fitId, seconds);
        PredictionFit fit = predictions.fit(totals.fitId).orElseThrow();
        return new Outcome(fit, totals.pAlive / cohort.size(), totals.belowHalf, totals.orders, totals.value,
                spend.population);
    }

    /** Both fits; gg is null when too few repeat buyers have a spend. */
    private record Models(BgNbdFitter.Fit bg, GammaGammaFitter.Fit gg) {
    }

    private BgNbdFitter fitter() {
        return model.equals(MBG_NBD) ? BgNbdFitter.modified() : new BgNbdFitter();
    }

    /**
     * The same model refitted as if the last {@code weeks} weeks had not happened, and the purchase days it then
     * expects in those weeks against the ones that happened: how far to trust "expected orders". Built in the
     * same pass over the orders as the real cohort.
     */
    static final class Calibration {
        final long endDay;
        final Cohort cohort = new Cohort();
        final PurchaseDays days;
        final boolean eachOrder;
        long actual;

        Calibration(long endDay, boolean eachOrder) {
            this.endDay = endDay;
            this.eachOrder = eachOrder;
            this.days = new PurchaseDays(eachOrder);
        }

        /** Null when too few repeat buyers before the holdout to fit, or the fit fails. */
        Double predicted(BgNbdFitter fitter, int weeks) {
            if (cohort.repeatCustomers() < MIN_REPEAT_CUSTOMERS) {
                return null;
            }
            try {
                RepeatModel m = fitter.fit(cohort).model();
                double sum = 0;
                for (int i = 0; i < cohort.size(); i++) {
                    sum += m.expectedPurchases(weeks, cohort.get(i));
                }
                return sum;
            } catch (IllegalStateException | IllegalArgumentException | ArithmeticException notFitted) {
                log.warn("predict: the calibration fit failed", notFitted);
                return null;
            }
        }
    }

    private static Models fit(Cohort cohort, ProgressBars bars, BgNbdFitter fitter) {
        try (Progress p = bars.start(Tr.t("Fitting the models"), -1)) {
            return new Models(fitter.fit(cohort, () -> p.advance(1)),
                    new GammaGammaFitter().fit(cohort, () -> p.advance(1)));
        } catch (IllegalStateException notConverged) {
            log.error("predict: the fit failed", notConverged);
            throw new UserException(Tr.f("the models could not be fitted on these purchases (%s). Try another --as-of date; "
                    + "the log file has details.", notConverged.getMessage()), notConverged);
        }
    }

    private Cohort summarise(LocalDate asOf, ProgressBars bars, Calibration calibration) {
        Cohort cohort = new Cohort();
        PurchaseDays days = new PurchaseDays(eachOrder);
        long asOfDay = asOf.toEpochDay();
        long[] current = {Long.MIN_VALUE};
        long[] lastCalibrationDay = {Long.MIN_VALUE};
        try (Progress p = bars.start(Tr.t("Reading purchase days"), predictions.buyersUpTo(asOf))) {
            predictions.purchases(asOf, eachOrder, (customer, day, amount) -> {
                if (customer != current[0]) {
                    if (!days.isEmpty()) {
                        cohort.add(current[0], days.summarise(asOfDay));
                        p.advance(1);
                    }
                    days.clear();
                    if (calibration != null) {
                        endCalibration(calibration, current[0]);
                        lastCalibrationDay[0] = Long.MIN_VALUE;
                    }
                    current[0] = customer;
                }
                days.add(day, amount);
                if (calibration != null) {
                    if (day <= calibration.endDay) {
                        calibration.days.add(day, amount);
                    } else if (!calibration.days.isEmpty() && (calibration.eachOrder || day != lastCalibrationDay[0])) {
                        calibration.actual++; // a purchase in the holdout of someone who had bought before it
                        lastCalibrationDay[0] = day;
                    }
                }
            });
        } catch (IllegalArgumentException badDate) {
            throw new UserException(Tr.f("%s. Re-import the orders with a date format Rekindle reads.", badDate.getMessage()));
        }
        if (!days.isEmpty()) {
            cohort.add(current[0], days.summarise(asOfDay));
        }
        if (calibration != null) {
            endCalibration(calibration, current[0]);
        }
        return cohort;
    }

    /** The customer just read, as the calibration cohort sees them (only if they had bought before its end). */
    private static void endCalibration(Calibration calibration, long customer) {
        if (!calibration.days.isEmpty()) {
            calibration.cohort.add(customer, calibration.days.summarise(calibration.endDay));
        }
        calibration.days.clear();
    }

    /** Running sums for the operator's summary. */
    private static final class Totals {
        long fitId;
        double pAlive;
        long belowHalf;
        double orders;
        double value;
    }

    private Totals store(PredictionFit draft, Cohort cohort, RepeatModel bg, Spend spend, ProgressBars bars) {
        Totals t = new Totals();
        t.fitId = predictions.startFit(draft);
        CustomerValue year = CustomerValue.nextYear(annualDiscountRate, margin);
        try (Progress p = bars.start(Tr.t("Scoring customers"), cohort.size())) {
            for (int from = 0; from < cohort.size(); from += BATCH) {
                int to = Math.min(cohort.size(), from + BATCH);
                int first = from;
                double[][] scores = new double[to - from][];
                // the maths of a batch in parallel (each customer on its own), the writing in order
                IntStream.range(from, to).parallel().forEach(i -> scores[i - first] = score(cohort.get(i), bg, spend, year));
                List<Object[]> rows = new ArrayList<>(scores.length);
                for (int i = from; i < to; i++) {
                    RepeatPurchases s = cohort.get(i);
                    double[] v = scores[i - from];
                    rows.add(new Object[]{cohort.customerId(i), t.fitId, draft.asOf(), s.frequency(), s.recencyWeeks(),
                            s.ageWeeks(), s.monetary(), v[0], v[1], v[2], v[3]});
                    t.pAlive += v[0];
                    t.belowHalf += v[0] < 0.5 ? 1 : 0;
                    t.orders += v[1];
                    t.value += v[3];
                }
                predictions.insert(rows);
                p.advance(to - from);
            }
        }
        return t;
    }

    /** P(alive), expected orders in 90 days, expected spend per order, value of the next 365 days. */
    private static double[] score(RepeatPurchases s, RepeatModel bg, Spend spend, CustomerValue year) {
        double expectedSpend = spend.of(s);
        double[] scores = {bg.pAlive(s), bg.expectedPurchases(ORDERS_HORIZON_WEEKS, s), expectedSpend,
                year.of(bg, expectedSpend, s)};
        for (double v : scores) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("not a number for " + s);
            }
        }
        return scores;
    }

    /**
     * Expected spend per future purchase: the Gamma-Gamma estimate; without a usable spend model (too few
     * repeat buyers with a spend, or a fit without a mean), the customer's own repeat average, or for one-time
     * buyers the average over the repeat buyers.
     */
    static final class Spend {
        private final GammaGamma model;
        final double population;

        Spend(GammaGamma model, Cohort cohort) {
            this.model = model != null && model.hasMean() ? model : null;
            if (this.model != null) {
                population = this.model.populationMean();
            } else {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < cohort.size(); i++) {
                    if (cohort.frequency(i) > 0) {
                        sum += cohort.monetary(i);
                        n++;
                    }
                }
                population = n == 0 ? 0 : sum / n;
            }
        }

        double of(RepeatPurchases s) {
            if (model != null) {
                return model.expectedSpend(s.frequency(), s.monetary());
            }
            return s.frequency() > 0 ? s.monetary() : population;
        }
    }
}
