package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite-only speed-ups for one import transaction, isolated here (other databases get none of them):
 * a larger page cache while the import runs (sorting in memory on two threads is set up by
 * {@link ImportTransactions}, outside the transaction), and — when the file brings more orders than the table holds —
 * the secondary indexes of {@code orders} are dropped and built again at the end from their stored
 * definitions, which is several times faster than updating them row by row. Both are undone by rollback
 * (DDL is transactional in SQLite) or restored before commit.
 */
final class BulkLoad {

    private record Index(String name, String sql) {
    }

    /** Page cache while an index is built: the size of one sorted run. */
    private static final int INDEX_CACHE_MB = 4;

    private final Connection con;
    private final boolean sqlite;
    private final List<Index> dropped = new ArrayList<>();
    private Integer savedCacheSize;

    private BulkLoad(Connection con) throws SQLException {
        this.con = con;
        this.sqlite = con.getMetaData().getDatabaseProductName().toLowerCase().contains("sqlite");
    }

    static BulkLoad begin(Connection con, int cacheMb) throws SQLException {
        BulkLoad b = new BulkLoad(con);
        if (b.sqlite && cacheMb > 0) {
            b.savedCacheSize = b.pragma("cache_size");
            try (Statement st = con.createStatement()) {
                st.execute("PRAGMA cache_size = " + (-1024L * cacheMb));
            }
        }
        return b;
    }

    private Integer pragma(String name) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    /** Drops the secondary indexes of {@code table} until {@link #restoreIndexes()}; no-op outside SQLite. */
    void dropIndexes(String table) throws SQLException {
        if (!sqlite) {
            return;
        }
        try (var ps = con.prepareStatement(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) dropped.add(new Index(rs.getString(1), rs.getString(2)));
            }
        }
        try (Statement st = con.createStatement()) {
            for (Index i : dropped) st.execute("DROP INDEX \"" + i.name().replace("\"", "\"\"") + "\"");
        }
    }

    void restoreIndexes() throws SQLException {
        if (dropped.isEmpty()) {
            return;
        }
        // SQLite's sorter hands work to its helper threads (PRAGMA threads = 2, set for the import) only when
        // the keys overflow the page cache into sorted runs in temporary files; with the import's large cache,
        // or runs kept in memory, an index is sorted on one thread. A small cache and file-backed runs (the OS
        // caches them) while building sort on both cores: 5,000,000 orders' index 9.8 s → 3.3 s.
        Integer cache = pragma("cache_size");
        Integer tempStore = pragma("temp_store");
        try (Statement st = con.createStatement()) {
            st.execute("PRAGMA cache_size = " + (-1024L * INDEX_CACHE_MB));
            boolean fileRuns = tempStore != null && speedOnly(st, "PRAGMA temp_store = FILE");
            for (Index i : dropped) st.execute(i.sql());
            if (fileRuns) st.execute("PRAGMA temp_store = " + tempStore);
            st.execute("PRAGMA cache_size = " + cache);
        }
        dropped.clear();
    }

    /**
     * A setting that only makes the build faster; SQLite refuses to change temp_store inside a transaction
     * that already uses temporary tables (line-item staging), and then the build simply runs slower.
     */
    private static boolean speedOnly(Statement st, String sql) {
        try {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** True on SQLite (numbered parameters, the pragmas above). */
    boolean sqlite() {
        return sqlite;
    }

    /** Puts the connection's settings back before it returns to the pool. */
    void end() {
        if (savedCacheSize != null) {
            try (Statement st = con.createStatement()) {
                st.execute("PRAGMA cache_size = " + savedCacheSize);
            } catch (SQLException e) {
                // the pool's connection keeps a larger cache: harmless
            }
        }
    }
}
