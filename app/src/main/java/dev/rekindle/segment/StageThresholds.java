package dev.rekindle.segment;

import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Tr;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The first day of each stage after active, in days since the last purchase. Defaults from DOMAIN.md:
 * silent from day 90, sleeping from 180, lost from 270, gone from 365.
 */
public record StageThresholds(int silent, int sleeping, int lost, int gone) {

    public static final StageThresholds DEFAULT = new StageThresholds(90, 180, 270, 365);
    /** How reports name {@link #DEFAULT} when they use it for want of a segmentation snapshot. */
    public static final String DEFAULT_DESCRIPTION = Tr.n("default thresholds 90/180/270/365 days");

    public StageThresholds {
        if (silent < 1 || sleeping <= silent || lost <= sleeping || gone <= lost) {
            throw new IllegalArgumentException(Tr.f("stage thresholds must be increasing whole days above 0 "
                    + "(silent < sleeping < lost < gone), got %d,%d,%d,%d", silent, sleeping, lost, gone));
        }
    }

    /** "90,180,270,365" (also accepts '/' between the numbers). */
    public static StageThresholds parse(String text) {
        String[] parts = text.trim().split("\\s*[,/]\\s*");
        if (parts.length != 4) {
            throw new IllegalArgumentException(Tr.f("stage thresholds are four day counts: silent,sleeping,lost,gone "
                    + "(e.g. 90,180,270,365), got '%s'", text));
        }
        int[] days = new int[4];
        for (int i = 0; i < 4; i++) {
            try {
                days[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Tr.f("'%s' is not a whole number of days in '%s'", parts[i], text));
            }
        }
        return new StageThresholds(days[0], days[1], days[2], days[3]);
    }

    public Stage stageOf(int recencyDays) {
        if (recencyDays < silent) return Stage.ACTIVE;
        if (recencyDays < sleeping) return Stage.SILENT;
        if (recencyDays < lost) return Stage.SLEEPING;
        if (recencyDays < gone) return Stage.LOST;
        return Stage.GONE;
    }

    /** The stage on {@code asOf} of a customer whose last purchase was on {@code lastPurchase} (null: never bought). */
    public Stage stageOn(LocalDate lastPurchase, LocalDate asOf) {
        if (lastPurchase == null) {
            return Stage.NONE;
        }
        return stageOf((int) Math.max(0, ChronoUnit.DAYS.between(lastPurchase, asOf)));
    }

    /** The first day of the stage; 0 for active. */
    public int firstDayOf(Stage stage) {
        return switch (stage) {
            case ACTIVE -> 0;
            case SILENT -> silent;
            case SLEEPING -> sleeping;
            case LOST -> lost;
            case GONE -> gone;
            case NONE -> throw new IllegalArgumentException("customers who never bought have no threshold");
        };
    }

    public List<Integer> asList() {
        return List.of(silent, sleeping, lost, gone);
    }

    @Override
    public String toString() {
        return silent + "," + sleeping + "," + lost + "," + gone;
    }
}
