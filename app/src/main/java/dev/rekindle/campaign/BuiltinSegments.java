package dev.rekindle.campaign;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.SqlCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --segment important_keep} (or 重要保持) and {@code --segment silent}: the snapshot's own columns. */
@Component
@Order(0)
class BuiltinSegments implements SegmentResolver {

    @Override
    public Optional<SqlCondition> resolve(String name, Snapshot snapshot) {
        try {
            RfmSegment s = RfmSegment.fromCode(name);
            return Optional.of(new SqlCondition(s.code() + " " + s.chineseName(), "s.segment = ?", List.of(s.code())));
        } catch (IllegalArgumentException notASegment) {
            try {
                Stage st = Stage.fromCode(name);
                return Optional.of(new SqlCondition("stage " + st.code() + " " + st.chineseName(), "s.stage = ?", List.of(st.code())));
            } catch (IllegalArgumentException notAStage) {
                return Optional.empty();
            }
        }
    }

    @Override
    public List<String> examples() {
        List<String> names = new ArrayList<>();
        for (RfmSegment s : RfmSegment.values()) names.add(s.code());
        for (Stage s : Stage.values()) names.add(s.code());
        return names;
    }
}
