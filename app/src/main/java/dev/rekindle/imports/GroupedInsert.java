package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows written as {@code INSERT … VALUES (…), (…), … [ON CONFLICT …]} statements of {@link #GROUP} rows: at a
 * million rows, one statement step per row costs about a quarter of the insert time. A statement reports
 * only how many rows its group changed; a {@link #tracking tracking} insert tells which rows went in from
 * the ids the flush added (new rows get ids above the highest id before it, in row order).
 */
final class GroupedInsert implements AutoCloseable {

    static final int GROUP = 50;
    /** Groups sent to SQLite at once. */
    private static final int GROUPS_PER_BATCH = 40;

    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("\\?(\\d+)");

    private final Connection con;
    private final PreparedStatement group;
    private final PreparedStatement single;
    private final int width;
    private String table;
    private String key;
    private PreparedStatement maxId;
    private long maxIdBefore = -1;
    private final Object[] buffered;
    private int rows;
    private int groups;
    private long changes;

    /**
     * @param head      {@code INSERT INTO t(a, b, …) VALUES}
     * @param rowValues one row's values with {@code width} parameters: plain {@code ?} in order, e.g.
     *                  {@code (?, round(?, 2))}, or numbered within the row (SQLite), e.g. {@code (?1, ?2, ?2)}
     *                  for a value used twice; each row of a group gets its own numbers
     * @param tail      what follows the values ({@code ON CONFLICT …}), or ""
     */
    GroupedInsert(Connection con, String head, String rowValues, String tail, int width) throws SQLException {
        this.con = con;
        this.width = width;
        this.buffered = new Object[GROUP * width];
        StringBuilder rows = new StringBuilder();
        for (int r = 0; r < GROUP; r++) {
            int offset = r * width;
            rows.append(r == 0 ? "" : ", ").append(NUMBERED.matcher(rowValues)
                    .replaceAll(m -> "?" + (offset + Integer.parseInt(m.group(1)))));
        }
        this.group = con.prepareStatement(head + " " + rows + " " + tail);
        this.single = con.prepareStatement(head + " " + rowValues + " " + tail);
    }

    /**
     * Makes {@link #flushAdded} available: {@code table} has an integer primary key {@code id} and the unique
     * text column {@code key} the conflict is on.
     */
    GroupedInsert tracking(String table, String key) throws SQLException {
        this.table = table;
        this.key = key;
        this.maxId = con.prepareStatement("SELECT coalesce(max(id), 0) FROM " + table);
        return this;
    }

    /** Adds one row: exactly {@code width} values, bound with {@code setObject} (null is NULL). */
    void add(Object... values) throws SQLException {
        if (maxId != null && maxIdBefore < 0) {
            try (ResultSet rs = maxId.executeQuery()) {
                maxIdBefore = rs.next() ? rs.getLong(1) : 0;
            }
        }
        System.arraycopy(values, 0, buffered, rows * width, width);
        if (++rows == GROUP) {
            for (int k = 0; k < buffered.length; k++) group.setObject(k + 1, buffered[k]);
            group.addBatch();
            rows = 0;
            if (++groups == GROUPS_PER_BATCH) {
                changes += sum(group.executeBatch());
                groups = 0;
            }
        }
    }

    /** Writes every row added so far (in order) and returns how many rows the statements changed since the last flush. */
    long flush() throws SQLException {
        if (groups > 0) {
            changes += sum(group.executeBatch());
            groups = 0;
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < width; k++) single.setObject(k + 1, buffered[r * width + k]);
            single.addBatch();
        }
        if (rows > 0) {
            changes += sum(single.executeBatch());
            rows = 0;
        }
        long n = changes;
        changes = 0;
        maxIdBefore = -1;
        return n;
    }

    /**
     * {@link #flush()} for a {@link #tracking} insert, telling which rows went in: {@code keys} holds each row's
     * key, in the order the rows were added since the last flush. A key twice in one flush went in for its
     * first row (rows go in in order); the second one conflicted.
     */
    boolean[] flushAdded(List<String> keys) throws SQLException {
        long before = maxIdBefore;
        maxIdBefore = -1;
        long changes = flush();
        boolean[] added = new boolean[keys.size()];
        if (changes == keys.size()) {
            Arrays.fill(added, true);
        } else if (changes > 0) {
            Set<String> fresh = new HashSet<>();
            try (PreparedStatement ps = con.prepareStatement("SELECT " + key + " FROM " + table + " WHERE id > ?")) {
                ps.setLong(1, before);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) fresh.add(rs.getString(1));
                }
            }
            for (int i = 0; i < added.length; i++) added[i] = fresh.remove(keys.get(i));
        }
        return added;
    }

    private static long sum(int[] counts) {
        long n = 0;
        for (int c : counts) n += Math.max(c, 0);
        return n;
    }

    @Override
    public void close() throws SQLException {
        group.close();
        single.close();
        if (maxId != null) maxId.close();
    }
}
