package dev.rekindle.predict;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Predicted churn and value (rekindle.predict.*): clv_365d = expected spend over the next 365 days
 * x margin, discounted monthly at the annual rate. Ranges are checked when predict refresh runs, so
 * that a wrong margin does not stop the commands that do not predict.
 *
 * @param margin             1.0 means the value is revenue; your gross margin (e.g. 0.35) gives profit
 * @param annualDiscountRate e.g. 0.10 for 10 % a year
 * @param model              mbg-nbd (one-time buyers can drop out) or bg-nbd
 * @param calibrationWeeks   weeks held out to check the fit: 0 (none) to 104
 */
@ConfigurationProperties("rekindle.predict")
public record PredictProperties(double margin, double annualDiscountRate, Model model, int calibrationWeeks) {

    /** The purchase model; mbg-nbd and bg-nbd in settings. */
    public enum Model {
        /** Modified BG/NBD: a customer may also drop out right after the first purchase. */
        MBG_NBD,
        /** BG/NBD: only repeat buyers can drop out. */
        BG_NBD;

        /** As written in settings and stored with a prediction run. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
