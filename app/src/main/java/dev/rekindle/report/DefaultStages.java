package dev.rekindle.report;

import dev.rekindle.i18n.Tr;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The lifecycle stage from the days since the last purchase with the default thresholds (silent from day
 * 90, sleeping from 180, lost from 270, gone from 365). Used only when no segmentation snapshot exists:
 * the snapshot's own stages (which may use per-category thresholds) always win.
 */
public final class DefaultStages {

    public static final String DESCRIPTION = Tr.n("default thresholds 90/180/270/365 days");
    private static final int[] FROM = {90, 180, 270, 365};
    private static final String[] NAMES = {"active", "silent", "sleeping", "lost", "gone"};

    private DefaultStages() {
    }

    /** @param lastPurchase null when the customer never bought */
    public static String stage(LocalDate lastPurchase, LocalDate asOf) {
        if (lastPurchase == null) {
            return "none";
        }
        long days = Math.max(0, ChronoUnit.DAYS.between(lastPurchase, asOf));
        int i = 0;
        while (i < FROM.length && days >= FROM[i]) {
            i++;
        }
        return NAMES[i];
    }

    /** First day (days since last purchase) of each stage after active: silent, sleeping, lost, gone. */
    public static int[] thresholds() {
        return FROM.clone();
    }
}
