package dev.rekindle.imports;

import com.carrotsearch.hppc.LongHashSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes customer profiles in batches: a new buyer id is inserted, a known one is merged with what is
 * stored (empty cells keep the stored value) and updated only when something changed.
 */
final class CustomerWriter implements AutoCloseable {

    private static final int BATCH = 4000;
    private static final String COLUMNS = "name, mobile, mobile_note, email, wechat_id, birthday, gender, province, city, "
            + "member_level, points, created_at";
    /** A profile column and where its value comes from; only the columns a file has are inserted. */
    private record Column(String name, java.util.function.Function<CustomerRow, Object> value) {
    }

    private static final Map<String, List<Column>> BY_FIELD = Map.of(
            "name", List.of(new Column("name", CustomerRow::name)),
            "mobile", List.of(new Column("mobile", CustomerRow::mobile), new Column("mobile_note", CustomerRow::mobileNote)),
            "email", List.of(new Column("email", CustomerRow::email)),
            "wechat", List.of(new Column("wechat_id", CustomerRow::wechatId)),
            "birthday", List.of(new Column("birthday", CustomerRow::birthday)),
            "gender", List.of(new Column("gender", CustomerRow::gender)),
            "city", List.of(new Column("city", CustomerRow::city), new Column("province", CustomerRow::province)),
            "member_level", List.of(new Column("member_level", CustomerRow::memberLevel)),
            "points", List.of(new Column("points", c -> c.points() == null ? 0 : c.points())),
            "created_at", List.of(new Column("created_at", CustomerRow::createdAt)));
    private static final String UPDATE = """
            UPDATE customers SET name = ?, mobile = ?, mobile_note = ?, email = ?, wechat_id = ?, birthday = ?, gender = ?,
                                 province = ?, city = ?, member_level = ?, points = ?, created_at = ?
            WHERE buyer_id = ?""";

    private final Connection con;
    private final ImportSummary summary;
    private final List<Column> inserted = new ArrayList<>();
    private final GroupedInsert insert;
    private final PreparedStatement update;
    private final List<CustomerRow> pending = new ArrayList<>(BATCH);
    private final long lastIdBefore;
    private final LongHashSet knownTouched = new LongHashSet();
    private final java.util.function.Consumer<CustomerRow> duplicates;

    /**
     * @param lastIdBefore the highest customers.id before this import: a conflict with a newer row, or with
     *                     one this import already matched, is the same buyer twice in the file
     * @param duplicates   told about such a row (it is not written)
     */
    CustomerWriter(Connection con, java.util.Set<String> fields, ImportSummary summary, long lastIdBefore,
            java.util.function.Consumer<CustomerRow> duplicates) throws SQLException {
        this.con = con;
        this.summary = summary;
        this.lastIdBefore = lastIdBefore;
        this.duplicates = duplicates;
        for (Map.Entry<String, List<Column>> e : BY_FIELD.entrySet()) {
            if (fields.contains(e.getKey()) || e.getKey().equals("city") && fields.contains("address")) {
                inserted.addAll(e.getValue());
            }
        }
        inserted.sort(java.util.Comparator.comparing(Column::name));
        String names = inserted.stream().map(c -> ", " + c.name()).collect(java.util.stream.Collectors.joining());
        String marks = inserted.stream().map(c -> ", ?").collect(java.util.stream.Collectors.joining());
        this.insert = new GroupedInsert(con, "INSERT INTO customers(buyer_id" + names + ") VALUES", "(?" + marks + ")",
                "ON CONFLICT(buyer_id) DO NOTHING", 1 + inserted.size()).tracking("customers", "buyer_id");
        this.update = con.prepareStatement(UPDATE);
    }

    void add(CustomerRow row) throws SQLException {
        pending.add(row);
        if (pending.size() >= BATCH) flush();
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Object[] values = new Object[1 + inserted.size()];
        List<String> buyers = new ArrayList<>(pending.size());
        for (CustomerRow c : pending) {
            values[0] = c.buyerId();
            for (int i = 0; i < inserted.size(); i++) {
                values[i + 1] = inserted.get(i).value().apply(c);
            }
            insert.add(values);
            buyers.add(c.buyerId());
        }
        boolean[] added = insert.flushAdded(buyers);
        List<CustomerRow> known = new ArrayList<>();
        for (int i = 0; i < added.length; i++) {
            if (added[i]) summary.added++;
            else known.add(pending.get(i));
        }
        if (!known.isEmpty()) {
            Map<String, Stored> stored = load(known);
            int updates = 0;
            for (CustomerRow c : known) {
                Stored s = stored.get(c.buyerId());
                if (s.id > lastIdBefore || !knownTouched.add(s.id)) {
                    duplicates.accept(c);
                    continue;
                }
                CustomerRow before = s.row;
                CustomerRow after = c.over(before);
                if (after.sameAs(before)) {
                    summary.unchanged++;
                    continue;
                }
                bind(update, after, 0);
                update.setString(13, c.buyerId());
                update.addBatch();
                updates++;
                summary.updated++;
            }
            if (updates > 0) update.executeBatch();
        }
        pending.clear();
    }

    private static void bind(PreparedStatement ps, CustomerRow c, int offset) throws SQLException {
        ps.setString(offset + 1, c.name());
        ps.setString(offset + 2, c.mobile());
        ps.setString(offset + 3, c.mobileNote());
        ps.setString(offset + 4, c.email());
        ps.setString(offset + 5, c.wechatId());
        ps.setString(offset + 6, c.birthday());
        ps.setString(offset + 7, c.gender());
        ps.setString(offset + 8, c.province());
        ps.setString(offset + 9, c.city());
        ps.setString(offset + 10, c.memberLevel());
        if (c.points() == null) ps.setNull(offset + 11, Types.INTEGER);
        else ps.setInt(offset + 11, c.points());
        ps.setString(offset + 12, c.createdAt());
    }

    private record Stored(long id, CustomerRow row) {
    }

    private Map<String, Stored> load(List<CustomerRow> rows) throws SQLException {
        Map<String, Stored> out = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CustomerIds.IN_CHUNK) {
            List<CustomerRow> chunk = rows.subList(from, Math.min(rows.size(), from + CustomerIds.IN_CHUNK));
            try (PreparedStatement ps = con.prepareStatement("SELECT buyer_id, " + COLUMNS + ", id"
                    + " FROM customers WHERE buyer_id IN (" + CustomerIds.marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i).buyerId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Stored(rs.getLong(14), new CustomerRow(rs.getString(1), rs.getString(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12),
                                rs.getString(13), null)));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
        update.close();
    }
}
