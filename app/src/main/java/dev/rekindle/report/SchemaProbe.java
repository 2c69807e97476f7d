package dev.rekindle.report;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Asks the database (through JDBC metadata, so on any vendor) whether a table or column exists. Reports
 * read tables that other features own (campaigns, the delivery ledger, snapshots); a database made by an
 * older Rekindle may not have them yet, and the report then says what it could not know instead of failing.
 */
@Component
public class SchemaProbe {

    private final JdbcTemplate jdbc;

    public SchemaProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasTable(String table) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con -> {
            DatabaseMetaData md = con.getMetaData();
            try (ResultSet rs = md.getTables(null, null, table, null)) {
                while (rs.next()) {
                    if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))) return true;
                }
                return false;
            }
        }));
    }

    public boolean hasColumn(String table, String column) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con -> {
            DatabaseMetaData md = con.getMetaData();
            try (ResultSet rs = md.getColumns(null, null, table, null)) {
                while (rs.next()) {
                    if (table.equalsIgnoreCase(rs.getString("TABLE_NAME")) && column.equalsIgnoreCase(rs.getString("COLUMN_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        }));
    }
}
