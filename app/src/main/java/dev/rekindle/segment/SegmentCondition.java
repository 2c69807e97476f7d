package dev.rekindle.segment;

import dev.rekindle.filter.SqlFragment;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of a segment in one snapshot, as SQL with bound parameters. {@link #where()} is a condition
 * over {@code cs} (customer_snapshot) and {@code c} (customers) written after {@link #FROM}; it already
 * restricts to the snapshot and leaves out erased customers.
 *
 * <pre>
 * SegmentCondition s = segments.condition("vip_sleepers");
 * jdbc.sql("SELECT c.id, c.mobile " + SegmentCondition.FROM + " WHERE " + s.where().sql())
 *     .params(s.where().params()).query(...);
 * // or, inside a query of your own:  ... WHERE x.customer_id IN (memberIds.sql) with memberIds.params
 * </pre>
 *
 * @param name       what was asked for (a saved segment, an RFM segment or a stage)
 * @param expression the filter expression it stands for (e.g. {@code stage = silent})
 * @param snapshot   the snapshot it selects from: say so in your output
 */
public record SegmentCondition(String name, String expression, Snapshot snapshot, SqlFragment where) {

    public static final String FROM = "FROM customer_snapshot cs JOIN customers c ON c.id = cs.customer_id";

    /** {@code SELECT cs.customer_id FROM … WHERE …}: for {@code customer_id IN (…)}. */
    public SqlFragment memberIds() {
        return new SqlFragment("SELECT cs.customer_id " + FROM + " WHERE " + where.sql(), where.params());
    }

    static SegmentCondition of(String name, String expression, Snapshot snapshot, SqlFragment filter) {
        List<Object> params = new ArrayList<>();
        params.add(snapshot.id());
        params.addAll(filter.params());
        return new SegmentCondition(name, expression, snapshot,
                new SqlFragment("cs.snapshot_id = ? AND c.erased_at IS NULL AND (" + filter.sql() + ")", params));
    }
}
