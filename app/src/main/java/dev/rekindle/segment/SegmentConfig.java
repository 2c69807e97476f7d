package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shop's standing segmentation settings ({@link SegmentProperties}), parsed and checked;
 * {@code segments refresh} options override them for one run. Category names are Chinese: give them in a
 * yml file or a -D option (a .properties file would be read as ISO-8859-1).
 */
@Component
public class SegmentConfig {

    private final SegmentSettings defaults;
    private final int keepSnapshots;

    public SegmentConfig(SegmentProperties p) {
        ScoringMethod method = checked("method", p.method(), () -> ScoringMethod.parse(p.method()));
        StageThresholds stages = checked("stages", p.stages(), () -> StageThresholds.parse(p.stages()));
        var byCategory = checked("category-stages", p.categoryStages(), () -> SegmentSettings.parseCategoryStages(p.categoryStages()));
        this.defaults = checked("window-months", String.valueOf(p.windowMonths()),
                () -> new SegmentSettings(p.windowMonths(), method, stages, byCategory));
        if (p.keepSnapshots() < 1) {
            throw new UserException(Tr.f("rekindle.segments.keep-snapshots must be at least 1, got %d", p.keepSnapshots()));
        }
        this.keepSnapshots = p.keepSnapshots();
    }

    /** Parses one setting; a bad value is reported with its key and what was given. */
    private static <T> T checked(String key, String value, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            String setting = Tr.f("%s = '%s': %s", "rekindle.segments." + key, value, e.getMessage());
            throw new UserException(Tr.f("rekindle.segments.* settings: %s — fix application.yml or the -D option.", setting), e);
        }
    }

    public SegmentSettings defaults() {
        return defaults;
    }

    /** How many snapshots to keep: the newest ones; older ones are deleted by the next refresh. */
    public int keepSnapshots() {
        return keepSnapshots;
    }
}
