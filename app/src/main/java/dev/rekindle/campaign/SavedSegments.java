package dev.rekindle.campaign;

import dev.rekindle.segment.CustomerSegments;
import dev.rekindle.segment.SegmentCondition;
import dev.rekindle.segment.SegmentDefinitions;
import dev.rekindle.segment.Snapshots;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.SqlCondition;
import dev.rekindle.filter.SqlFragment;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code campaigns plan … --segment NAME} with a segment the operator saved ({@code segments define NAME
 * --where EXPR}): its filter is compiled against the very snapshot the campaign plans on.
 */
@Component
@Order(1)
class SavedSegments implements SegmentResolver {

    private final SegmentDefinitions definitions;
    private final CustomerSegments segments;
    private final Snapshots snapshots;

    SavedSegments(SegmentDefinitions definitions, CustomerSegments segments, Snapshots snapshots) {
        this.definitions = definitions;
        this.segments = segments;
        this.snapshots = snapshots;
    }

    @Override
    public Optional<SqlCondition> resolve(String name, Snapshot snapshot) {
        if (definitions.find(name).isEmpty()) {
            return Optional.empty();
        }
        SegmentCondition condition = segments.condition(name, snapshots.require(snapshot.id()));
        SqlFragment members = condition.memberIds();
        // the planner's alias for customer_snapshot is "s"
        return Optional.of(new SqlCondition("segment " + name + " (" + condition.expression() + ")",
                "s.customer_id IN (" + members.sql() + ")", members.params()));
    }

    @Override
    public List<String> examples() {
        return definitions.all().stream().map(SegmentDefinitions.Definition::name).toList();
    }
}
