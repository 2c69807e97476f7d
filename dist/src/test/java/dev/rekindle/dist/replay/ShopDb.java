package dev.rekindle.dist.replay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the database file the app wrote, as an auditor would, between two runs of the app. A connection per
 * question: the harness never holds the file open while the app works on it.
 */
final class ShopDb {

    private final Path file;

    ShopDb(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    List<Map<String, Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement s = c.prepareStatement(sql)) {
            for (int k = 0; k < params.length; k++) s.setObject(k + 1, params[k]);
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) row.put(md.getColumnLabel(i), rs.getObject(i));
                    out.add(row);
                }
            }
            return out;
        }
    }

    List<String> strings(String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : rows(sql, params)) {
            Object v = r.values().iterator().next();
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    long count(String sql, Object... params) throws SQLException {
        List<String> v = strings(sql, params);
        return v.isEmpty() || v.get(0) == null ? 0 : Long.parseLong(v.get(0));
    }

    boolean hasColumn(String table, String column) throws SQLException {
        return rows("SELECT name FROM pragma_table_info(?) WHERE name = ?", table, column).size() == 1;
    }
}
