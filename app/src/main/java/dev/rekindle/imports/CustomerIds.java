package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's buyer ids and Rekindle's internal customer ids, for one import transaction. Big files load
 * every customer once (one scan instead of millions of lookups); small files look up only the buyers they
 * mention, in batches. New customers get the next ids directly: the import holds the write lock, so nobody
 * else can take them.
 */
final class CustomerIds {

    static final int IN_CHUNK = 500;

    private final Connection con;
    private final boolean preloaded;
    private final LongLongMap digits = new LongLongMap(-1);
    private final Map<String, Long> others = new HashMap<>();
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

    /** The internal id, or -1 when not known (yet): call {@link #lookup} first for ids not seen before. */
    long find(String buyerId) {
        if (Keys.exact(buyerId)) {
            return digits.get(Keys.of(buyerId));
        }
        Long id = others.get(buyerId);
        return id == null ? -1 : id;
    }

    /** Looks up, in batches, the buyers among {@code buyerIds} not known yet. */
    void lookup(Collection<String> buyerIds) throws SQLException {
        if (preloaded) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String b : buyerIds) {
            if (find(b) < 0) unknown.add(b);
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

    /** Reserves the next id for a buyer not in the database. */
    long create(String buyerId) {
        long id = nextId++;
        remember(buyerId, id);
        return id;
    }

    boolean isNew(long id) {
        return id >= firstNewId;
    }

    private void remember(String buyerId, long id) {
        if (Keys.exact(buyerId)) {
            digits.put(Keys.of(buyerId), id);
        } else {
            others.put(buyerId, id);
        }
    }

    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "?" : ",?");
        return sb.toString();
    }
}
