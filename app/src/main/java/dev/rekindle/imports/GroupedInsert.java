package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Rows written as {@code INSERT … VALUES (…), (…), … [ON CONFLICT …]} statements of {@link #GROUP} rows: at a
 * million rows, one statement step per row costs about a quarter of the insert time. The statement reports
 * only how many rows each group changed, so callers that must know which rows went in look at the ids the
 * flush added (new rows get ids above the highest id before it, in row order).
 */
final class GroupedInsert implements AutoCloseable {

    static final int GROUP = 50;
    /** Groups sent to SQLite at once. */
    private static final int GROUPS_PER_BATCH = 40;

    private final PreparedStatement group;
    private final PreparedStatement single;
    private final int width;
    private final Object[] buffered;
    private int rows;
    private int groups;
    private long changes;

    /**
     * @param head      {@code INSERT INTO t(a, b, …) VALUES}
     * @param rowValues one row's values with {@code width} plain {@code ?} parameters, e.g. {@code (?, round(?, 2))}
     * @param tail      what follows the values ({@code ON CONFLICT …}), or ""
     */
    GroupedInsert(Connection con, String head, String rowValues, String tail, int width) throws SQLException {
        this.width = width;
        this.buffered = new Object[GROUP * width];
        this.group = con.prepareStatement(head + " " + (rowValues + ", ").repeat(GROUP - 1) + rowValues + " " + tail);
        this.single = con.prepareStatement(head + " " + rowValues + " " + tail);
    }

    /** Adds one row: exactly {@code width} values, bound with {@code setObject} (null is NULL). */
    void add(Object... values) throws SQLException {
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
        return n;
    }

    /**
     * The keys of the rows added after {@code maxIdBefore}, for a flush that changed fewer rows than it sent.
     * A key twice in one flush was added for its first row (rows go in in order); the second one conflicted,
     * so callers take each key out of the set as they meet it.
     */
    static Set<String> keysAdded(Connection con, String table, String key, long maxIdBefore) throws SQLException {
        Set<String> added = new HashSet<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT " + key + " FROM " + table + " WHERE id > ?")) {
            ps.setLong(1, maxIdBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) added.add(rs.getString(1));
            }
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
    }
}
