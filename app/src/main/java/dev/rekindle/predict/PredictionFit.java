package dev.rekindle.predict;

/** A row of {@code prediction_fits}: what one {@code predict refresh} fitted, on what, under which assumptions. */
public record PredictionFit(long id, String asOf, String createdAt, int customers, int repeatCustomers, double bgR,
        double bgAlpha, double bgA, double bgB, double bgLogLikelihood, int ggCustomers, Double ggP, Double ggQ,
        Double ggV, double margin, double annualDiscountRate, double seconds) {

    public BgNbd bgNbd() {
        return new BgNbd(bgR, bgAlpha, bgA, bgB);
    }

    /** @return the spend model, or null when it could not be fitted */
    public GammaGamma gammaGamma() {
        return ggP == null ? null : new GammaGamma(ggP, ggQ, ggV);
    }
}
