package dev.rekindle.predict;

/** A model of repeat purchases and drop-out fitted per shop: BG/NBD or MBG/NBD (see {@code rekindle.predict.model}). */
public interface RepeatModel {

    /** P(alive | x, tx, T). */
    double pAlive(RepeatPurchases s);

    /** E[Y(t) | x, tx, T]: expected purchase days in the next {@code weeks} weeks. */
    double expectedPurchases(double weeks, RepeatPurchases s);

    /** log-likelihood of one customer's (x, tx, T). */
    double logLikelihood(RepeatPurchases s);

    /** Its four parameters in the order r, alpha, a, b. */
    double r();

    double alpha();

    double a();

    double b();
}
