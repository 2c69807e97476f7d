package dev.rekindle.imports;

import com.carrotsearch.hppc.LongLongHashMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers one import deals with: the shop's buyer id → a small dense <em>handle</em> (0, 1, 2 …) →
 * Rekindle's internal customer id. Handles let per-customer tallies live in plain arrays. Big files load
 * every customer once (one scan instead of millions of lookups); small files look up only the buyers
 * they mention, in batches. New customers get the next ids directly: the import holds the write lock.
 */
final class CustomerIds {

    static final int IN_CHUNK = 500;

    private final Connection con;
    private final boolean preloaded;
    private final LongLongHashMap digits;
    private final Map<String, Integer> others = new HashMap<>();
    private long[] ids = new long[1024];
    private int handles;
    private final long firstNewId;
    private long nextId;

    private CustomerIds(Connection con, boolean preload) throws SQLException {
        this.con = con;
        this.preloaded = preload;
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM customers")) {
            rs.next();
            this.firstNewId = rs.getLong(1);
            this.nextId = firstNewId;
        }
        // ids are dense in practice, so the highest id sizes the table of a full load
        this.digits = new LongLongHashMap(preload ? (int) Math.min(firstNewId, 50_000_000) : 1024);
        if (preload) {
            ids = new long[(int) Math.min(Math.max(firstNewId, 1024), 50_000_000)];
        }
        if (preload) {
            try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT id, buyer_id FROM customers")) {
                while (rs.next()) remember(rs.getString(2), rs.getLong(1));
            }
        }
    }

    /** @param preload load all customers now (worth it when the file names many of them) */
    static CustomerIds open(Connection con, boolean preload) throws SQLException {
        return new CustomerIds(con, preload);
    }

    boolean preloaded() {
        return preloaded;
    }

    /** The handle of a buyer, or -1 when not known (yet): call {@link #lookup} first for buyers not seen before. */
    int handle(String buyerId) {
        if (Keys.exact(buyerId)) {
            return (int) digits.getOrDefault(Keys.of(buyerId), -1);
        }
        Integer h = others.get(buyerId);
        return h == null ? -1 : h;
    }

    /** {@link #handle(String)} with the buyer's {@link Keys#of} already worked out. */
    int handle(String buyerId, long key) {
        if (key >= 0) { // exact keys are the non-negative ones
            return (int) digits.getOrDefault(key, -1);
        }
        Integer h = others.get(buyerId);
        return h == null ? -1 : h;
    }

    /** The internal customer id of a handle. */
    long id(int handle) {
        return ids[handle];
    }

    /** Looks up, in batches, the buyers among {@code buyerIds} not known yet. */
    void lookup(Collection<String> buyerIds) throws SQLException {
        if (preloaded) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String b : buyerIds) {
            if (handle(b) < 0) unknown.add(b);
        }
        for (int from = 0; from < unknown.size(); from += IN_CHUNK) {
            List<String> chunk = unknown.subList(from, Math.min(unknown.size(), from + IN_CHUNK));
            String sql = "SELECT id, buyer_id FROM customers WHERE buyer_id IN (" + marks(chunk.size()) + ")";
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) ps.setString(i + 1, chunk.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) remember(rs.getString(2), rs.getLong(1));
                }
            }
        }
    }

    /** Reserves the next id for a buyer not in the database; returns its handle. */
    int create(String buyerId) {
        return remember(buyerId, nextId++);
    }

    boolean isNew(int handle) {
        return ids[handle] >= firstNewId;
    }

    /** How many handles exist (tallies size their arrays by it). */
    int count() {
        return handles;
    }

    private int remember(String buyerId, long id) {
        int h = handles++;
        if (h == ids.length) ids = Arrays.copyOf(ids, h * 2);
        ids[h] = id;
        if (Keys.exact(buyerId)) {
            digits.put(Keys.of(buyerId), h);
        } else {
            others.put(buyerId, h);
        }
        return h;
    }

    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "?" : ",?");
        return sb.toString();
    }
}
