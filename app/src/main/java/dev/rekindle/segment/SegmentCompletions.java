package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.console.ValueCompleter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * TAB completion: segment names after {@code segments show|drop|define} and after any {@code --segment}
 * option (campaigns), snapshot ids after {@code --snapshot}, the scoring methods after {@code --method}.
 */
@Component
class SegmentCompletions implements ValueCompleter {

    private final ObjectProvider<SegmentDefinitions> definitions;
    private final ObjectProvider<Snapshots> snapshots;

    SegmentCompletions(ObjectProvider<SegmentDefinitions> definitions, ObjectProvider<Snapshots> snapshots) {
        this.definitions = definitions;
        this.snapshots = snapshots;
    }

    @Override
    public List<String> values(String command, String slot) {
        return switch (slot) {
            case "segment" -> all();
            case "arg0" -> switch (command) {
                case "segments show" -> all();
                case "segments drop", "segments define" -> savedNames();
                default -> List.of();
            };
            case "snapshot" -> snapshots.getObject().all().stream().map(s -> String.valueOf(s.id())).toList();
            case "method" -> Arrays.stream(ScoringMethod.values()).map(ScoringMethod::code).toList();
            default -> List.of();
        };
    }

    private List<String> savedNames() {
        return definitions.getObject().all().stream().map(SegmentDefinitions.Definition::name).toList();
    }

    /** Saved segments, then the eight RFM segments, then the stages. */
    private List<String> all() {
        List<String> names = new ArrayList<>(savedNames());
        Arrays.stream(RfmSegment.values()).map(RfmSegment::code).forEach(names::add);
        Arrays.stream(Stage.values()).map(Stage::code).forEach(names::add);
        return names;
    }
}
