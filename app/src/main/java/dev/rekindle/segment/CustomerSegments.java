package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.filter.FieldContext;
import dev.rekindle.filter.FilterCompiler;
import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.console.UserException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other features use to work with segments: the current snapshot, and the members of a segment as
 * a parameterised SQL condition against it. A segment is named by
 * <ul>
 * <li>a saved segment ({@code segments define NAME --where EXPR}),</li>
 * <li>an RFM segment ({@code important_retain}, {@code 重要挽留}), or</li>
 * <li>a lifecycle stage ({@code silent}, {@code 沉默期}).</li>
 * </ul>
 * Saved segments are re-evaluated against the current snapshot each time.
 */
@Service
public class CustomerSegments {

    private final Snapshots snapshots;
    private final SegmentDefinitions definitions;
    private final FilterCompiler compiler;
    private final JdbcClient jdbc;

    public CustomerSegments(Snapshots snapshots, SegmentDefinitions definitions, FilterCompiler compiler, JdbcClient jdbc) {
        this.snapshots = snapshots;
        this.definitions = definitions;
        this.compiler = compiler;
        this.jdbc = jdbc;
    }

    /** The newest snapshot; a UserException telling the operator to run 'segments refresh' when there is none. */
    public Snapshot currentSnapshot() {
        return snapshots.requireCurrent();
    }

    public long currentSnapshotId() {
        return currentSnapshot().id();
    }

    /** The members of the named segment in the current snapshot. */
    public SegmentCondition condition(String segment) {
        return condition(segment, currentSnapshot());
    }

    public SegmentCondition condition(String segment, Snapshot snapshot) {
        return expressionOf(segment).map(e -> compile(segment, e, snapshot)).orElseThrow(() -> new UserException(
                Tr.f("there is no segment '%s'. Use a saved segment (%s), an RFM segment such as "
                        + "important_retain, or a stage such as silent.", segment, savedNames())));
    }

    /** The customers matching a filter expression, in the current snapshot. */
    public SegmentCondition filter(String expression) {
        return compile(null, expression, currentSnapshot());
    }

    /** How many customers a condition selects. */
    public long count(SegmentCondition condition) {
        return jdbc.sql("SELECT count(*) " + SegmentCondition.FROM + " WHERE " + condition.where().sql())
                .params(condition.where().params()).query(Long.class).single();
    }

    /** The expression a segment name stands for, if it names one. */
    public Optional<String> expressionOf(String segment) {
        if (segment == null || segment.isBlank()) {
            return Optional.empty();
        }
        String name = segment.trim();
        Optional<SegmentDefinitions.Definition> saved = definitions.find(name);
        if (saved.isPresent()) {
            return Optional.of(saved.get().expression());
        }
        Optional<RfmSegment> rfm = Vocabulary.segment(name);
        if (rfm.isPresent()) {
            return Optional.of("segment = " + rfm.get().code());
        }
        return Vocabulary.stage(name).map(s -> "stage = " + s.code());
    }

    private SegmentCondition compile(String name, String expression, Snapshot snapshot) {
        return SegmentCondition.of(name, expression, snapshot,
                compiler.compile(expression, new FieldContext(snapshot.id(), snapshot.asOf())));
    }

    private String savedNames() {
        String names = String.join(", ", definitions.all().stream().map(SegmentDefinitions.Definition::name).toList());
        return names.isEmpty() ? Tr.t("none yet") : names;
    }
}
