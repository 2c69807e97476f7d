package dev.rekindle.imports;

import com.carrotsearch.hppc.LongHashSet;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.store.CustomerStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps {@code customer_stats} current without rescanning every order. A new purchase only moves its
 * customer's first/last date, count and revenue, so new orders are tallied per customer in primitive
 * arrays and merged into customer_stats at the end; a customer one of whose existing orders changed is
 * recomputed from scratch with {@link CustomerStats#refresh}. Purchases are the statuses of
 * {@link CustomerStats#PURCHASE_STATUSES}.
 */
final class PurchaseTally {

    private static final String MERGE_INTO = "INSERT INTO customer_stats(customer_id, first_order_at, last_order_at, order_count, revenue) VALUES";
    private static final String MERGE_ROW = "(?, ?, ?, ?, round(?, 2))";
    private static final String MERGE_CONFLICT = """
            ON CONFLICT(customer_id) DO UPDATE SET
              first_order_at = CASE WHEN excluded.first_order_at < customer_stats.first_order_at
                                    THEN excluded.first_order_at ELSE customer_stats.first_order_at END,
              last_order_at  = CASE WHEN excluded.last_order_at > customer_stats.last_order_at
                                    THEN excluded.last_order_at ELSE customer_stats.last_order_at END,
              order_count    = customer_stats.order_count + excluded.order_count,
              revenue        = round(customer_stats.revenue + excluded.revenue, 2)""";

    private static final List<String> PURCHASES = purchaseStatuses();

    /** Per customer handle, five longs: first and last purchase (encoded times), count, revenue (double bits), since. */
    private static final int WIDTH = 5;
    private long[] cells = new long[WIDTH * 1024];
    private final LongHashSet dirty = new LongHashSet();

    /** "('paid', 'completed')" → [paid, completed]: one definition of a purchase for SQL and Java. */
    private static List<String> purchaseStatuses() {
        List<String> out = new ArrayList<>();
        for (String s : CustomerStats.PURCHASE_STATUSES.replaceAll("[()' ]", "").split(",")) out.add(s);
        return List.copyOf(out);
    }

    static boolean isPurchase(String status) {
        return PURCHASES.contains(status);
    }

    /** A new order was inserted for the customer with this handle ({@link CustomerIds}). */
    void inserted(int handle, long at, double amount, String status) {
        if (!isPurchase(status)) {
            return;
        }
        int i = cell(handle);
        if (cells[i] == 0) {
            cells[i] = at;
            cells[i + 1] = at;
        } else {
            if (at < cells[i]) cells[i] = at;
            if (at > cells[i + 1]) cells[i + 1] = at;
        }
        cells[i + 2]++;
        cells[i + 3] = Double.doubleToRawLongBits(Double.longBitsToDouble(cells[i + 3]) + amount);
    }

    /** An existing order of this customer (internal id) changed: the customer is recomputed at the end. */
    void changed(long customerId) {
        dirty.add(customerId);
    }

    /** A customer created by this import, seen with an order at {@code createdAt}. */
    void newCustomer(int handle, String createdAt) {
        newCustomer(handle, DateTimes.encode(createdAt));
    }

    /** {@link #newCustomer(int, String)} with the time already encoded ({@link DateTimes#encode}). */
    void newCustomer(int handle, long at) {
        int i = cell(handle) + 4;
        if (cells[i] == 0 || at < cells[i]) cells[i] = at;
    }

    private int cell(int handle) {
        int i = handle * WIDTH;
        if (i + WIDTH > cells.length) {
            cells = Arrays.copyOf(cells, Math.max(cells.length * 2, i + WIDTH));
        }
        return i;
    }

    /** Merges the tallies into customer_stats, recomputes changed customers, dates new customers. */
    void write(Connection con, CustomerStats stats, CustomerIds ids) throws SQLException {
        int handles = Math.min(ids.count(), cells.length / WIDTH);
        try (GroupedInsert merge = new GroupedInsert(con, MERGE_INTO, MERGE_ROW, MERGE_CONFLICT, 5)) {
            for (int h = 0; h < handles; h++) {
                int i = h * WIDTH;
                if (cells[i] == 0 || dirty.contains(ids.id(h))) continue;
                merge.add(ids.id(h), DateTimes.decode(cells[i]), DateTimes.decode(cells[i + 1]), cells[i + 2],
                        Double.longBitsToDouble(cells[i + 3]));
            }
            merge.flush();
        }
        long[] changed = dirty.toArray();
        if (changed.length > 0) {
            Arrays.sort(changed);
            List<Long> list = new ArrayList<>(changed.length);
            for (long id : changed) list.add(id);
            stats.refresh(list);
        }
        // a customer created from order rows has been a customer since its earliest order in the file
        try (PreparedStatement ps = con.prepareStatement(
                "UPDATE customers SET created_at = ? WHERE id = ? AND (created_at IS NULL OR created_at > ?)")) {
            int batched = 0;
            for (int h = 0; h < handles; h++) {
                long at = cells[h * WIDTH + 4];
                if (at == 0) continue;
                String since = DateTimes.decode(at);
                ps.setString(1, since);
                ps.setLong(2, ids.id(h));
                ps.setString(3, since);
                ps.addBatch();
                if (++batched % 5000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
        }
    }
}
