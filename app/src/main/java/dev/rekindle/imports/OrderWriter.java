package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes orders (and the customers they name) in batches inside the import's transaction, so that
 * re-importing a file changes nothing: a new order number is inserted, a known one is compared with what
 * is stored and updated only when a value differs. Counts what happened for the summary and tells the
 * {@link PurchaseTally} which customers' aggregates moved.
 */
final class OrderWriter implements AutoCloseable {

    static final int BATCH = 4000;

    private static final String INSERT_ORDER = """
            INSERT INTO orders(order_no, customer_id, created_at, paid_at, amount, status, item_count, category)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(order_no) DO NOTHING""";
    private static final String UPDATE_ORDER = """
            UPDATE orders SET customer_id = ?, created_at = ?, paid_at = ?, amount = ?, status = ?, item_count = ?,
                              category = ?
            WHERE order_no = ?""";
    private static final String INSERT_CUSTOMER = """
            INSERT INTO customers(id, buyer_id, name, mobile, mobile_note, city, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""";
    // Details from an order replace the stored ones only when no newer order exists (the newest order's
    // address is the current one), empty values never erase, and a masked number never replaces a full one.
    private static final String UPDATE_PROFILE = """
            UPDATE customers SET
              name = coalesce(?, name),
              mobile = CASE WHEN ? IS NOT NULL AND (? IS DISTINCT FROM 'masked' OR mobile IS NULL OR mobile_note = 'masked')
                            THEN ? ELSE mobile END,
              mobile_note = CASE WHEN ? IS NOT NULL AND (? IS DISTINCT FROM 'masked' OR mobile IS NULL OR mobile_note = 'masked')
                                 THEN ? ELSE mobile_note END,
              city = coalesce(?, city)
            WHERE id = ? AND erased_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = customers.id AND o.created_at > ?)
              AND (name IS DISTINCT FROM coalesce(?, name) OR city IS DISTINCT FROM coalesce(?, city)
                   OR (? IS NOT NULL AND mobile IS DISTINCT FROM ?
                       AND (? IS DISTINCT FROM 'masked' OR mobile IS NULL OR mobile_note = 'masked')))""";

    private final Connection con;
    private final CustomerIds customers;
    private final PurchaseTally tally;
    private final ImportSummary summary;
    private final PreparedStatement insertOrder;
    private final PreparedStatement updateOrder;
    private final PreparedStatement insertCustomer;
    private final PreparedStatement updateProfile;
    private final List<OrderRow> pending = new ArrayList<>(BATCH);
    private final LongSet customersUpdated = new LongSet();

    OrderWriter(Connection con, CustomerIds customers, PurchaseTally tally, ImportSummary summary) throws SQLException {
        this.con = con;
        this.customers = customers;
        this.tally = tally;
        this.summary = summary;
        this.insertOrder = con.prepareStatement(INSERT_ORDER);
        this.updateOrder = con.prepareStatement(UPDATE_ORDER);
        this.insertCustomer = con.prepareStatement(INSERT_CUSTOMER);
        this.updateProfile = con.prepareStatement(UPDATE_PROFILE);
    }

    void add(OrderRow row) throws SQLException {
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        long[] ids = resolveCustomers();
        insertOrders(ids);
        updateProfiles(ids);
        pending.clear();
        summary.customersUpdated = customersUpdated.size();
    }

    /** Internal customer ids for the pending rows, creating the customers not in the database. */
    private long[] resolveCustomers() throws SQLException {
        Set<String> buyers = new LinkedHashSet<>();
        for (OrderRow r : pending) buyers.add(r.buyerId());
        customers.lookup(buyers);
        long[] ids = new long[pending.size()];
        int created = 0;
        for (int i = 0; i < ids.length; i++) {
            OrderRow r = pending.get(i);
            long id = customers.find(r.buyerId());
            if (id < 0) {
                id = customers.create(r.buyerId());
                OrderRow.Profile p = r.profile();
                insertCustomer.setLong(1, id);
                insertCustomer.setString(2, r.buyerId());
                insertCustomer.setString(3, p == null ? null : p.name());
                insertCustomer.setString(4, p == null ? null : p.mobile());
                insertCustomer.setString(5, p == null ? null : p.mobileNote());
                insertCustomer.setString(6, p == null ? null : p.city());
                insertCustomer.setString(7, r.createdAt());
                insertCustomer.addBatch();
                created++;
            }
            if (customers.isNew(id)) {
                tally.newCustomer(id, r.createdAt());
            }
            ids[i] = id;
        }
        if (created > 0) {
            insertCustomer.executeBatch();
            summary.customersAdded += created;
        }
        return ids;
    }

    private void insertOrders(long[] ids) throws SQLException {
        for (int i = 0; i < ids.length; i++) {
            bind(insertOrder, pending.get(i), ids[i], 1);
            insertOrder.setString(1, pending.get(i).orderNo());
            insertOrder.addBatch();
        }
        int[] inserted = insertOrder.executeBatch();
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < inserted.length; i++) {
            OrderRow r = pending.get(i);
            if (inserted[i] > 0) {
                summary.added++;
                tally.inserted(ids[i], r.createdAt(), r.amount(), r.status());
            } else {
                known.add(i);
            }
        }
        if (!known.isEmpty()) {
            updateKnown(known, ids);
        }
    }

    /** Orders already in the database: compare, update the ones that differ. */
    private void updateKnown(List<Integer> known, long[] ids) throws SQLException {
        Map<String, Stored> stored = load(known);
        int updates = 0;
        for (int i : known) {
            OrderRow r = pending.get(i);
            Stored s = stored.get(r.orderNo());
            if (s == null) {
                // the same order number twice in one batch is caught by the reader; be safe anyway
                throw new IllegalStateException("order " + r.orderNo() + " vanished during the import");
            }
            if (s.sameAs(r, ids[i])) {
                summary.unchanged++;
                continue;
            }
            summary.updated++;
            tally.changed(s.customerId);
            tally.changed(ids[i]);
            bind(updateOrder, r, ids[i], 0);
            updateOrder.setString(8, r.orderNo());
            updateOrder.addBatch();
            updates++;
        }
        if (updates > 0) {
            updateOrder.executeBatch();
        }
    }

    /** Binds customer, times, amount, status, items, category starting after parameter {@code offset}. */
    private static void bind(PreparedStatement ps, OrderRow r, long customerId, int offset) throws SQLException {
        ps.setLong(offset + 1, customerId);
        ps.setString(offset + 2, r.createdAt());
        ps.setString(offset + 3, r.paidAt());
        ps.setDouble(offset + 4, r.amount());
        ps.setString(offset + 5, r.status());
        ps.setInt(offset + 6, r.itemCount());
        if (r.category() == null) {
            ps.setNull(offset + 7, Types.VARCHAR);
        } else {
            ps.setString(offset + 7, r.category());
        }
    }

    private record Stored(long customerId, String createdAt, String paidAt, double amount, String status, int itemCount,
            String category) {
        boolean sameAs(OrderRow r, long newCustomerId) {
            return customerId == newCustomerId && createdAt.equals(r.createdAt()) && Objects.equals(paidAt, r.paidAt())
                    && amount == r.amount() && status.equals(r.status()) && itemCount == r.itemCount()
                    && Objects.equals(category, r.category());
        }
    }

    private Map<String, Stored> load(List<Integer> rows) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CustomerIds.IN_CHUNK) {
            List<Integer> chunk = rows.subList(from, Math.min(rows.size(), from + CustomerIds.IN_CHUNK));
            String sql = "SELECT order_no, customer_id, created_at, paid_at, amount, status, item_count, category "
                    + "FROM orders WHERE order_no IN (" + CustomerIds.marks(chunk.size()) + ")";
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, pending.get(chunk.get(i)).orderNo());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Stored(rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getDouble(5), rs.getString(6), rs.getInt(7), rs.getString(8)));
                    }
                }
            }
        }
        return out;
    }

    /** Contact details carried by order rows (Taobao, Tmall) update existing customers. */
    private void updateProfiles(long[] ids) throws SQLException {
        List<Long> touched = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            OrderRow r = pending.get(i);
            OrderRow.Profile p = r.profile();
            if (p == null || p.isEmpty()) continue;
            String m = p.mobile();
            String note = p.mobileNote();
            int k = 1;
            updateProfile.setString(k++, p.name());
            updateProfile.setString(k++, m);
            updateProfile.setString(k++, note);
            updateProfile.setString(k++, m);
            updateProfile.setString(k++, m);
            updateProfile.setString(k++, note);
            updateProfile.setString(k++, note);
            updateProfile.setString(k++, p.city());
            updateProfile.setLong(k++, ids[i]);
            updateProfile.setString(k++, r.createdAt());
            updateProfile.setString(k++, p.name());
            updateProfile.setString(k++, p.city());
            updateProfile.setString(k++, m);
            updateProfile.setString(k++, m);
            updateProfile.setString(k, note);
            updateProfile.addBatch();
            touched.add(ids[i]);
        }
        if (touched.isEmpty()) {
            return;
        }
        int[] changed = updateProfile.executeBatch();
        for (int i = 0; i < changed.length; i++) {
            long id = touched.get(i);
            if (changed[i] > 0 && !customers.isNew(id)) customersUpdated.add(id);
        }
    }

    @Override
    public void close() throws SQLException {
        insertOrder.close();
        updateOrder.close();
        insertCustomer.close();
        updateProfile.close();
    }
}
