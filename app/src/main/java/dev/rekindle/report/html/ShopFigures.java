package dev.rekindle.report.html;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** The figures the HTML report draws, each with the source it came from in words. */
public record ShopFigures(LocalDate asOf, Lifecycle lifecycle, Rfm rfm, Inflow inflow, List<Month> months) {

    /** Customers per stage (lifecycle order, "none" = never bought). */
    public record Lifecycle(String source, Map<String, Long> customers) {
    }

    /** Customers per RFM cell: {@code counts[f - 1][r - 1]}. */
    public record Rfm(String source, long[][] counts) {
        public long total() {
            long n = 0;
            for (long[] row : counts) for (long v : row) n += v;
            return n;
        }
    }

    /** Customers entering each stage per week, {@code weeks.size()} weeks ending on the as-of date. */
    public record Inflow(List<LocalDate> weeks, Map<String, long[]> byStage) {
    }

    /** One month's purchases (paid or completed orders). */
    public record Month(YearMonth month, long customers, long repeaters, long orders, double revenue) {
        /** Customers with more than one order in the month ÷ customers with at least one; NaN without buyers. */
        public double repeatRate() {
            return customers == 0 ? Double.NaN : (double) repeaters / customers;
        }

        /** Average order value; NaN without orders. */
        public double averageOrder() {
            return orders == 0 ? Double.NaN : revenue / orders;
        }
    }
}
