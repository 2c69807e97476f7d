package dev.rekindle.filter;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A strategy's {@link CandidateFilter} as SQL conditions over {@code customer_snapshot s} and
 * {@code customers c}, with bound parameters only: what a plugin asks for never becomes SQL text.
 */
public final class CandidateFilterSql {

    private CandidateFilterSql() {
    }

    /**
     * Appends {@code " AND …"} for each of the filter's conditions to {@code w} and their values to
     * {@code params}, in the same order.
     *
     * @param asOf the snapshot's date, which days since the first order count from
     */
    public static void append(CandidateFilter f, LocalDate asOf, StringBuilder w, List<Object> params) {
        if (!f.stages().isEmpty()) {
            in(w, "s.stage", f.stages().stream().map(Stage::code).sorted().toList(), params);
        }
        if (!f.segments().isEmpty()) {
            in(w, "s.segment", f.segments().stream().map(RfmSegment::code).sorted().toList(), params);
        }
        if (f.minRecencyDays() != null) {
            w.append(" AND s.recency_days >= ?");
            params.add(f.minRecencyDays());
        }
        if (f.maxRecencyDays() != null) {
            w.append(" AND s.recency_days <= ?");
            params.add(f.maxRecencyDays());
        }
        if (f.maxDaysSinceFirstOrder() != null) {
            w.append(" AND s.first_order_at >= ?");
            params.add(asOf.minusDays(f.maxDaysSinceFirstOrder()).toString());
        }
        if (f.minDaysSinceFirstOrder() != null) {
            w.append(" AND s.first_order_at < ?");
            params.add(asOf.minusDays(f.minDaysSinceFirstOrder()).plusDays(1).toString());
        }
        if (!f.birthdays().isEmpty()) {
            // birthdays are 'YYYY-MM-DD' or '--MM-DD': the month and day are always the last five characters
            w.append(" AND (").append(f.birthdays().stream().map(b -> "c.birthday LIKE ?").collect(Collectors.joining(" OR "))).append(')');
            f.birthdays().stream().sorted().forEach(b -> params.add(String.format("%%-%02d-%02d", b.getMonthValue(), b.getDayOfMonth())));
        }
        if (!f.mainCategories().isEmpty()) {
            in(w, "s.main_category", f.mainCategories().stream().sorted().toList(), params);
        }
        if (f.minFrequency() > 0) {
            w.append(" AND s.frequency >= ?");
            params.add(f.minFrequency());
        }
    }

    private static void in(StringBuilder w, String column, List<String> values, List<Object> params) {
        w.append(" AND ").append(column).append(" IN (").append(values.stream().map(v -> "?").collect(Collectors.joining(","))).append(')');
        params.addAll(values);
    }
}
