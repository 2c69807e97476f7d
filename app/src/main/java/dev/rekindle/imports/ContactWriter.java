package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the addresses of a customers file's {@code contact:<kind>} columns into customer_contacts (one per
 * customer and kind; a new address replaces the stored one, an empty cell keeps it). Runs after the
 * customers of the same rows are written: it finds them by buyer id.
 */
final class ContactWriter implements AutoCloseable {

    static final int BATCH = 4000;

    private final ContactColumns columns;
    private final PreparedStatement upsert;
    private final List<String[]> pending = new ArrayList<>();
    private long written;

    ContactWriter(Connection con, ContactColumns columns) throws SQLException {
        this.columns = columns;
        this.upsert = con.prepareStatement("""
                INSERT INTO customer_contacts(customer_id, kind, address)
                SELECT id, ?, ? FROM customers WHERE buyer_id = ? AND erased_at IS NULL
                ON CONFLICT(customer_id, kind) DO UPDATE SET address = excluded.address
                WHERE address IS NOT excluded.address""");
    }

    /** @return how many addresses wait for {@link #flush} */
    int add(CustomerRow row) {
        if (row.row() == null) return pending.size();
        for (String[] kindAndAddress : columns.addresses(row.row().fields())) {
            pending.add(new String[]{kindAndAddress[0], kindAndAddress[1], row.buyerId()});
        }
        return pending.size();
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) return;
        for (String[] p : pending) {
            upsert.setString(1, p[0]);
            upsert.setString(2, p[1]);
            upsert.setString(3, p[2]);
            upsert.addBatch();
        }
        for (int n : upsert.executeBatch()) {
            if (n > 0) written += n;
        }
        pending.clear();
    }

    /** Addresses added or changed. */
    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        upsert.close();
    }
}
