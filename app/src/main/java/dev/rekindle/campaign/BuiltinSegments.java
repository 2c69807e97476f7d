package dev.rekindle.campaign;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.strategy.SqlCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code --segment important_keep} (or 重要保持) and {@code --segment silent} (or 沉默期): the snapshot's own columns. */
@Component
@Order(0)
class BuiltinSegments implements SegmentResolver {

    @Override
    public Optional<SqlCondition> resolve(String name, Snapshot snapshot) {
        // the label is stored with the campaign: codes and the Chinese name, whatever the interface language was
        Optional<SqlCondition> segment = Vocabulary.segment(name).map(s ->
                new SqlCondition(s.code() + " " + s.chineseName(), "s.segment = ?", List.of(s.code())));
        return segment.or(() -> Vocabulary.stage(name).map(st ->
                new SqlCondition("stage " + st.code() + " " + st.chineseName(), "s.stage = ?", List.of(st.code()))));
    }

    @Override
    public List<String> examples() {
        List<String> names = new ArrayList<>();
        for (RfmSegment s : RfmSegment.values()) names.add(s.code());
        for (Stage s : Stage.values()) names.add(s.code());
        return names;
    }
}
