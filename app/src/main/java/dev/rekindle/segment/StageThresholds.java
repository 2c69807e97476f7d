package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import java.util.List;

/**
 * The first day of each stage after active, in days since the last purchase. Defaults from DOMAIN.md:
 * silent from day 90, sleeping from 180, lost from 270, gone from 365.
 */
public record StageThresholds(int silent, int sleeping, int lost, int gone) {

    public static final StageThresholds DEFAULT = new StageThresholds(90, 180, 270, 365);

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

    public LifecycleStage stageOf(int recencyDays) {
        if (recencyDays < silent) return LifecycleStage.ACTIVE;
        if (recencyDays < sleeping) return LifecycleStage.SILENT;
        if (recencyDays < lost) return LifecycleStage.SLEEPING;
        if (recencyDays < gone) return LifecycleStage.LOST;
        return LifecycleStage.GONE;
    }

    /** The first day of the stage; 0 for active. */
    public int firstDayOf(LifecycleStage stage) {
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
