/**
 * Predicted churn and value: the BG/NBD purchase model (Fader, Hardie &amp; Lee 2005) and the Gamma-Gamma
 * spend model, fitted by maximum likelihood on each customer's repeat-purchase summary, give per customer
 * the probability of still being a customer ({@code p_alive}), the expected purchases in the next 90 days
 * and the discounted value of the next 365 days.
 *
 * <p>The model maths ({@link dev.rekindle.predict.RepeatPurchases}, {@link dev.rekindle.predict.BgNbd},
 * {@link dev.rekindle.predict.GammaGamma}, their fitters and {@link dev.rekindle.predict.CustomerValue}) is
 * plain Java without Spring, tested against the published CDNOW results. {@link
 * dev.rekindle.predict.PredictionRepository} owns the {@code predictions} and {@code prediction_fits} tables
 * that the filter language and the customer view read.
 */
package dev.rekindle.predict;
