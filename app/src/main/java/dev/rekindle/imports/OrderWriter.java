package dev.rekindle.imports;

import com.carrotsearch.hppc.LongHashSet;
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

    private static final String UPDATE_ORDER = """
            UPDATE orders SET customer_id = ?, created_at = ?, paid_at = ?, amount = ?, status = ?, item_count = ?,
                              category = ?%s
            WHERE order_no = ?""";
    private static final String INSERT_CUSTOMER = """
            INSERT INTO customers(id, buyer_id, name, mobile, mobile_note, province, city, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";
    // The consignee on an order (收货人, 联系手机, 收货地址) is often a family member or a parcel locker: it
    // only fills what the customer's profile does not say yet, and a full number replaces a masked one. A
    // member file owns name, city, birthday, gender and level (CustomerWriter); the order keeps its consignee.
    private static final String UPDATE_PROFILE = """
            UPDATE customers SET
              name = coalesce(name, ?),
              mobile = CASE WHEN ? IS NOT NULL AND (mobile IS NULL OR mobile_note = 'masked' AND ? IS NULL) THEN ?
                            ELSE mobile END,
              mobile_note = CASE WHEN ? IS NOT NULL AND (mobile IS NULL OR mobile_note = 'masked' AND ? IS NULL) THEN ?
                                 ELSE mobile_note END,
              province = CASE WHEN city IS NULL AND ? IS NOT NULL THEN ? ELSE province END,
              city = coalesce(city, ?)
            WHERE id = ? AND erased_at IS NULL
              AND (name IS NULL AND ? IS NOT NULL OR city IS NULL AND ? IS NOT NULL
                   OR ? IS NOT NULL AND (mobile IS NULL OR mobile_note = 'masked' AND ? IS NULL))""";
    private static final String DELETE_ITEMS = "DELETE FROM order_items WHERE order_id = (SELECT id FROM orders WHERE order_no = ?)";
    private static final String INSERT_ITEM = """
            INSERT INTO order_items(order_id, line, item_id, title, quantity, amount, category)
            SELECT id, ?, ?, ?, ?, ?, ? FROM orders WHERE order_no = ?""";

    private final Connection con;
    private final CustomerIds customers;
    private final PurchaseTally tally;
    private final ImportSummary summary;
    private final OrderShape shape;
    private final GroupedInsert insertOrder;
    private final Object[] values;
    private final PreparedStatement updateOrder;
    private final PreparedStatement insertCustomer;
    private final PreparedStatement updateProfile;
    private PreparedStatement deleteItems;
    private PreparedStatement insertItem;
    private final List<OrderRow> pending = new ArrayList<>(BATCH);
    private final LongHashSet customersUpdated = new LongHashSet();
    private final long lastOrderIdBefore;
    private final LongHashSet knownTouched = new LongHashSet();
    private final Duplicates duplicates;
    private boolean[] skip = new boolean[BATCH];
    /** Which pending rows were new orders (they have no goods to delete). */
    private boolean[] added = new boolean[0];

    /** Told about an order number that appears twice in the file (the second row is not written). */
    @FunctionalInterface
    interface Duplicates {
        void found(OrderRow row);
    }

    /**
     * @param lastOrderIdBefore the highest orders.id before this import: a conflict with a newer row, or with
     *                          a row this import already matched, is the same order number twice in the file
     */
    OrderWriter(Connection con, OrderShape shape, CustomerIds customers, PurchaseTally tally, ImportSummary summary,
            long lastOrderIdBefore, Duplicates duplicates) throws SQLException {
        this.con = con;
        this.shape = shape;
        this.lastOrderIdBefore = lastOrderIdBefore;
        this.duplicates = duplicates;
        this.customers = customers;
        this.tally = tally;
        this.summary = summary;
        this.insertOrder = new GroupedInsert(con, shape.head(), shape.rowValues(), OrderShape.ON_CONFLICT, shape.parameters())
                .tracking("orders", "order_no");
        this.values = new Object[shape.parameters()];
        this.updateOrder = con.prepareStatement(UPDATE_ORDER.formatted(shape.shipping()
                ? OrderShape.SHIPPING.stream().map(c -> ", " + c + " = ?").collect(java.util.stream.Collectors.joining()) : ""));
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
        if (skip.length < pending.size()) skip = new boolean[pending.size()];
        java.util.Arrays.fill(skip, false);
        int[] handles = resolveCustomers();
        insertOrders(handles);
        updateProfiles(handles);
        writeItems();
        pending.clear();
        summary.customersUpdated = customersUpdated.size();
    }

    /** Customer handles for the pending rows, creating the customers not in the database. */
    private int[] resolveCustomers() throws SQLException {
        if (!customers.preloaded()) {
            Set<String> buyers = new LinkedHashSet<>();
            for (OrderRow r : pending) buyers.add(r.buyerId());
            customers.lookup(buyers);
        }
        int[] handles = new int[pending.size()];
        int created = 0;
        for (int i = 0; i < handles.length; i++) {
            OrderRow r = pending.get(i);
            int h = customers.handle(r.buyerId(), r.buyerKey());
            if (h < 0) {
                h = customers.create(r.buyerId());
                OrderRow.Profile p = r.profile();
                insertCustomer.setLong(1, customers.id(h));
                insertCustomer.setString(2, r.buyerId());
                insertCustomer.setString(3, p == null ? null : p.name());
                insertCustomer.setString(4, p == null ? null : p.mobile());
                insertCustomer.setString(5, p == null ? null : p.mobileNote());
                insertCustomer.setString(6, p == null || p.city() == null ? null : p.province());
                insertCustomer.setString(7, p == null ? null : p.city());
                insertCustomer.setString(8, r.createdAt());
                insertCustomer.addBatch();
                created++;
            }
            if (customers.isNew(h)) {
                tally.newCustomer(h, r.createdCode());
            }
            handles[i] = h;
        }
        if (created > 0) {
            insertCustomer.executeBatch();
            summary.customersAdded += created;
        }
        return handles;
    }

    private void insertOrders(int[] handles) throws SQLException {
        int n = handles.length;
        List<String> orderNumbers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            OrderRow r = pending.get(i);
            shape.values(r, customers.id(handles[i]), values);
            insertOrder.add(values);
            orderNumbers.add(r.orderNo());
        }
        boolean[] inserted = insertOrder.flushAdded(orderNumbers);
        added = inserted;
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OrderRow r = pending.get(i);
            if (inserted[i]) {
                summary.added++;
                tally.inserted(handles[i], r.createdCode(), r.amount(), r.status());
            } else {
                known.add(i);
            }
        }
        if (!known.isEmpty()) {
            updateKnown(known, handles);
        }
    }

    /** Orders already in the database: compare, update the ones that differ. */
    private void updateKnown(List<Integer> known, int[] handles) throws SQLException {
        Map<String, Stored> stored = load(known);
        int updates = 0;
        for (int i : known) {
            OrderRow r = pending.get(i);
            Stored s = stored.get(r.orderNo());
            if (s == null) {
                throw new IllegalStateException("order " + r.orderNo() + " vanished during the import");
            }
            if (s.id > lastOrderIdBefore || !knownTouched.add(s.id)) {
                skip[i] = true;
                duplicates.found(r);
                continue;
            }
            long customerId = customers.id(handles[i]);
            // an order whose goods are listed gets its category from them (products, rules: the Categorizer)
            String category = r.items() != null ? s.category : r.category();
            if (s.sameAs(r, customerId, category, shape.shipping())) {
                summary.unchanged++;
                continue;
            }
            summary.updated++;
            tally.changed(s.customerId);
            tally.changed(customerId);
            bind(updateOrder, r, customerId, category);
            int k = 8;
            if (shape.shipping()) {
                OrderRow.Profile p = r.profile();
                updateOrder.setString(k++, p == null ? null : p.name());
                updateOrder.setString(k++, p == null ? null : p.province());
                updateOrder.setString(k++, p == null ? null : p.city());
                updateOrder.setString(k++, p == null ? null : p.address());
            }
            updateOrder.setString(k, r.orderNo());
            updateOrder.addBatch();
            updates++;
        }
        if (updates > 0) {
            updateOrder.executeBatch();
        }
    }

    /** Binds customer, times, amount, status, items, category for the update. */
    private static void bind(PreparedStatement ps, OrderRow r, long customerId, String category) throws SQLException {
        int offset = 0;
        ps.setLong(offset + 1, customerId);
        ps.setString(offset + 2, r.createdAt());
        ps.setString(offset + 3, r.paidAt());
        ps.setDouble(offset + 4, r.amount());
        ps.setString(offset + 5, r.status());
        ps.setInt(offset + 6, r.itemCount());
        if (category == null) {
            ps.setNull(offset + 7, Types.VARCHAR);
        } else {
            ps.setString(offset + 7, category);
        }
    }

    private record Stored(long id, long customerId, String createdAt, String paidAt, double amount, String status, int itemCount,
            String category, String consignee, String shipProvince, String shipCity, String shipAddress) {
        boolean sameAs(OrderRow r, long newCustomerId, String newCategory, boolean shipping) {
            return customerId == newCustomerId && createdAt.equals(r.createdAt()) && Objects.equals(paidAt, r.paidAt())
                    && amount == r.amount() && status.equals(r.status()) && itemCount == r.itemCount()
                    && Objects.equals(category, newCategory) && (!shipping || sameShipping(r.profile()));
        }

        private boolean sameShipping(OrderRow.Profile p) {
            return p == null ? consignee == null && shipProvince == null && shipCity == null && shipAddress == null
                    : Objects.equals(consignee, p.name()) && Objects.equals(shipProvince, p.province())
                            && Objects.equals(shipCity, p.city()) && Objects.equals(shipAddress, p.address());
        }
    }

    private Map<String, Stored> load(List<Integer> rows) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CustomerIds.IN_CHUNK) {
            List<Integer> chunk = rows.subList(from, Math.min(rows.size(), from + CustomerIds.IN_CHUNK));
            String sql = "SELECT order_no, id, customer_id, created_at, paid_at, amount, status, item_count, category, "
                    + "consignee, ship_province, ship_city, ship_address FROM orders WHERE order_no IN (" + CustomerIds.marks(chunk.size()) + ")";
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, pending.get(chunk.get(i)).orderNo());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Stored(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                rs.getDouble(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12), rs.getString(13)));
                    }
                }
            }
        }
        return out;
    }

    /** Contact details carried by order rows (Taobao, Tmall) update existing customers. */
    private void updateProfiles(int[] handles) throws SQLException {
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < handles.length; i++) {
            OrderRow r = pending.get(i);
            OrderRow.Profile p = r.profile();
            if (p == null || p.isEmpty() || skip[i]) continue;
            String m = p.mobile();
            String note = p.mobileNote();
            Object[] values = {p.name(), m, note, m, m, note, note, p.city(), p.province(), p.city(),
                    customers.id(handles[i]), p.name(), p.city(), m, note};
            for (int k = 0; k < values.length; k++) updateProfile.setObject(k + 1, values[k]);
            updateProfile.addBatch();
            touched.add(handles[i]);
        }
        if (touched.isEmpty()) {
            return;
        }
        int[] changed = updateProfile.executeBatch();
        for (int i = 0; i < changed.length; i++) {
            int h = touched.get(i);
            if (changed[i] > 0 && !customers.isNew(h)) customersUpdated.add(customers.id(h));
        }
    }

    /**
     * The goods of the orders of this batch that list them (Taobao's 宝贝标题/商家编码 on the order row): rewritten
     * each time, since the same file gives the same lines and order_items counts in no summary.
     */
    private void writeItems() throws SQLException {
        boolean any = false;
        for (int i = 0; i < pending.size(); i++) {
            OrderRow r = pending.get(i);
            if (r.items() == null || r.items().isEmpty() || skip[i]) continue;
            if (deleteItems == null) {
                deleteItems = con.prepareStatement(DELETE_ITEMS);
                insertItem = con.prepareStatement(INSERT_ITEM);
            }
            if (i >= added.length || !added[i]) {
                deleteItems.setString(1, r.orderNo());
                deleteItems.addBatch();
            }
            int line = 0;
            for (OrderRow.Item item : r.items()) {
                insertItem.setInt(1, ++line);
                insertItem.setString(2, item.itemId());
                insertItem.setString(3, item.title());
                insertItem.setInt(4, item.quantity());
                if (item.amount() == null) insertItem.setNull(5, Types.REAL); else insertItem.setDouble(5, item.amount());
                insertItem.setString(6, item.category());
                insertItem.setString(7, r.orderNo());
                insertItem.addBatch();
            }
            any = true;
        }
        if (any) {
            deleteItems.executeBatch();
            insertItem.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        if (deleteItems != null) {
            deleteItems.close();
            insertItem.close();
        }
        insertOrder.close();
        updateOrder.close();
        insertCustomer.close();
        updateProfile.close();
    }
}
