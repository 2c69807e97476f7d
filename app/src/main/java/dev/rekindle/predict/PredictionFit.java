package dev.rekindle.predict;

/** A row of {@code prediction_fits}: what one {@code predict refresh} fitted, on what, under which assumptions. */
public record PredictionFit(long id, String asOf, String createdAt, int customers, int repeatCustomers, double bgR,
        double bgAlpha, double bgA, double bgB, double bgLogLikelihood, int ggCustomers, Double ggP, Double ggQ,
        Double ggV, double margin, double annualDiscountRate, double seconds, String model, Double calibrationWeeks,
        Integer calibrationCustomers, Double calibrationPredicted, Integer calibrationActual) {

    /** The repeat-purchase model fitted, by its {@code model} column ({@code bg-nbd} or {@code mbg-nbd}). */
    public RepeatModel repeatModel() {
        return PredictionService.MBG_NBD.equals(model) ? new MbgNbd(bgR, bgAlpha, bgA, bgB) : new BgNbd(bgR, bgAlpha, bgA, bgB);
    }

    /** The model's name as printed: BG/NBD or MBG/NBD. */
    public String modelName() {
        return PredictionService.MBG_NBD.equals(model) ? "MBG/NBD" : "BG/NBD";
    }

    /** Predicted / actual - 1 over the calibration holdout, or NaN when there was none. */
    public double calibrationError() {
        return calibrationActual == null || calibrationActual == 0 || calibrationPredicted == null ? Double.NaN
                : calibrationPredicted / calibrationActual - 1;
    }

    /** @return the spend model, or null when it could not be fitted */
    public GammaGamma gammaGamma() {
        return ggP == null ? null : new GammaGamma(ggP, ggQ, ggV);
    }
}
