package dev.rekindle.imports;

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

    private static final String MERGE = """
            INSERT INTO customer_stats(customer_id, first_order_at, last_order_at, order_count, revenue)
            VALUES (?, ?, ?, ?, round(?, 2))
            ON CONFLICT(customer_id) DO UPDATE SET
              first_order_at = CASE WHEN excluded.first_order_at < customer_stats.first_order_at
                                    THEN excluded.first_order_at ELSE customer_stats.first_order_at END,
              last_order_at  = CASE WHEN excluded.last_order_at > customer_stats.last_order_at
                                    THEN excluded.last_order_at ELSE customer_stats.last_order_at END,
              order_count    = customer_stats.order_count + excluded.order_count,
              revenue        = round(customer_stats.revenue + excluded.revenue, 2)""";

    private static final List<String> PURCHASES = purchaseStatuses();

    private final LongLongMap slotOf = new LongLongMap(-1);
    private long[] ids = new long[1024];
    private long[] first = new long[1024];
    private long[] last = new long[1024];
    private int[] count = new int[1024];
    private double[] revenue = new double[1024];
    private int size;
    private final LongSet dirty = new LongSet();
    private final LongLongMap newSince = new LongLongMap(-1);

    /** "('paid', 'completed')" → [paid, completed]: one definition of a purchase for SQL and Java. */
    private static List<String> purchaseStatuses() {
        List<String> out = new ArrayList<>();
        for (String s : CustomerStats.PURCHASE_STATUSES.replaceAll("[()' ]", "").split(",")) out.add(s);
        return List.copyOf(out);
    }

    static boolean isPurchase(String status) {
        return PURCHASES.contains(status);
    }

    /** A new order was inserted. */
    void inserted(long customerId, String createdAt, double amount, String status) {
        if (!isPurchase(status)) {
            return;
        }
        long at = DateTimes.encode(createdAt);
        long s = slotOf.get(customerId);
        int i;
        if (s < 0) {
            i = size++;
            if (i == ids.length) grow();
            slotOf.put(customerId, i);
            ids[i] = customerId;
            first[i] = at;
            last[i] = at;
        } else {
            i = (int) s;
            if (at < first[i]) first[i] = at;
            if (at > last[i]) last[i] = at;
        }
        count[i]++;
        revenue[i] += amount;
    }

    /** An existing order changed: its customer is recomputed at the end. */
    void changed(long customerId) {
        dirty.add(customerId);
    }

    /** A customer created by this import, first seen with an order at {@code createdAt}. */
    void newCustomer(long customerId, String createdAt) {
        long at = DateTimes.encode(createdAt);
        long seen = newSince.get(customerId);
        if (seen < 0 || at < seen) newSince.put(customerId, at);
    }

    int customersTouched() {
        return size + dirty.size();
    }

    /** Merges the tallies into customer_stats, recomputes changed customers, dates new customers. */
    void write(Connection con, CustomerStats stats) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(MERGE)) {
            int batched = 0;
            for (int i = 0; i < size; i++) {
                if (dirty.contains(ids[i])) continue;
                ps.setLong(1, ids[i]);
                ps.setString(2, DateTimes.decode(first[i]));
                ps.setString(3, DateTimes.decode(last[i]));
                ps.setInt(4, count[i]);
                ps.setDouble(5, revenue[i]);
                ps.addBatch();
                if (++batched % 5000 == 0) ps.executeBatch();
            }
            ps.executeBatch();
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
            int[] batched = {0};
            SQLException[] failed = {null};
            newSince.forEach((id, at) -> {
                try {
                    String since = DateTimes.decode(at);
                    ps.setString(1, since);
                    ps.setLong(2, id);
                    ps.setString(3, since);
                    ps.addBatch();
                    if (++batched[0] % 5000 == 0) ps.executeBatch();
                } catch (SQLException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) throw failed[0];
            ps.executeBatch();
        }
    }

    private void grow() {
        int n = ids.length * 2;
        ids = Arrays.copyOf(ids, n);
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        count = Arrays.copyOf(count, n);
        revenue = Arrays.copyOf(revenue, n);
    }
}
