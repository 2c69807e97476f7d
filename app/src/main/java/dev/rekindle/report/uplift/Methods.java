package dev.rekindle.report.uplift;

import dev.rekindle.i18n.Tr;

/** The name of each method, as the report prints it next to the figure it gave (English; {@link Tr#t} on screen). */
public final class Methods {

    public static final String CONVERSION_TEST = Tr.n("Fisher's exact test, two-sided");
    public static final String DIFFERENCE_INTERVAL = Tr.n("Newcombe hybrid score interval");
    public static final String RATIO_INTERVAL = Tr.n("Koopman score interval for the risk ratio");
    public static final String REVENUE = Tr.n("studentised permutation test (Welch t), interval by inversion");
    public static final String POOLED_CONVERSION = Tr.n("Cochran-Mantel-Haenszel test, stratified by campaign");
    public static final String POOLED_REVENUE = Tr.n("stratified permutation test (re-split within each campaign), interval by inversion");
    public static final String ADJUSTMENT = Tr.n("Holm-adjusted within each breakdown");

    private Methods() {
    }
}
