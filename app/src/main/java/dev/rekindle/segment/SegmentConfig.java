package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shop's standing segmentation settings ({@code rekindle.segments.*}); {@code segments refresh} options
 * override them for one run. Category names are Chinese, so category thresholds belong in application.yml
 * or a -D option (.properties files are read as ISO-8859-1).
 */
@Component
public class SegmentConfig {

    private final SegmentSettings defaults;
    private final int keepSnapshots;

    public SegmentConfig(@Value("${rekindle.segments.window-months:0}") int windowMonths,
            @Value("${rekindle.segments.method:quintiles}") String method,
            @Value("${rekindle.segments.stages:90,180,270,365}") String stages,
            @Value("${rekindle.segments.category-stages:}") String categoryStages,
            @Value("${rekindle.segments.keep-snapshots:3}") int keepSnapshots) {
        try {
            this.defaults = new SegmentSettings(windowMonths, ScoringMethod.parse(method), StageThresholds.parse(stages),
                    SegmentSettings.parseCategoryStages(categoryStages));
        } catch (IllegalArgumentException e) {
            throw new UserException(Tr.f("rekindle.segments.* settings: %s — fix application.yml or the -D option.", e.getMessage()), e);
        }
        if (keepSnapshots < 1) {
            throw new UserException(Tr.f("rekindle.segments.keep-snapshots must be at least 1, got %d", keepSnapshots));
        }
        this.keepSnapshots = keepSnapshots;
    }

    public SegmentSettings defaults() {
        return defaults;
    }

    /** How many snapshots to keep: the newest ones; older ones are deleted by the next refresh. */
    public int keepSnapshots() {
        return keepSnapshots;
    }
}
