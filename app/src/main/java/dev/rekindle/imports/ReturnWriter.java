package dev.rekindle.imports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Writes returns (one per return document) like orders: new ones are inserted, known ones updated only
 * when they differ. A return of a customer not yet known creates the customer: they bought before.
 */
final class ReturnWriter {

    private final Connection con;
    private final CustomerIds ids;
    private final PurchaseTally tally;
    private final ImportSummary summary;

    ReturnWriter(Connection con, CustomerIds ids, PurchaseTally tally, ImportSummary summary) {
        this.con = con;
        this.ids = ids;
        this.tally = tally;
        this.summary = summary;
    }

    void write(String returnNo, String buyerId, String returnedAt, double amount, int items, String orderNo) throws SQLException {
        long customer = customer(buyerId, returnedAt);
        summary.returnsAmount += amount;
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO returns(return_no, customer_id, returned_at, amount, item_count, order_no)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(return_no) DO NOTHING""")) {
            ps.setString(1, returnNo);
            ps.setLong(2, customer);
            ps.setString(3, returnedAt);
            ps.setDouble(4, amount);
            ps.setInt(5, items);
            ps.setString(6, orderNo);
            if (ps.executeUpdate() > 0) {
                summary.returnsAdded++;
                return;
            }
        }
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT customer_id, returned_at, amount, item_count, order_no FROM returns WHERE return_no = ?")) {
            ps.setString(1, returnNo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == customer && rs.getString(2).equals(returnedAt) && rs.getDouble(3) == amount
                        && rs.getInt(4) == items && Objects.equals(rs.getString(5), orderNo)) {
                    summary.returnsUnchanged++;
                    return;
                }
            }
        }
        try (PreparedStatement ps = con.prepareStatement("""
                UPDATE returns SET customer_id = ?, returned_at = ?, amount = ?, item_count = ?, order_no = ?
                WHERE return_no = ?""")) {
            ps.setLong(1, customer);
            ps.setString(2, returnedAt);
            ps.setDouble(3, amount);
            ps.setInt(4, items);
            ps.setString(5, orderNo);
            ps.setString(6, returnNo);
            ps.executeUpdate();
            summary.returnsUpdated++;
        }
    }

    private long customer(String buyerId, String at) throws SQLException {
        ids.lookup(List.of(buyerId));
        int h = ids.handle(buyerId);
        if (h >= 0) {
            return ids.id(h);
        }
        h = ids.create(buyerId);
        long id = ids.id(h);
        try (PreparedStatement ps = con.prepareStatement("INSERT INTO customers(id, buyer_id, created_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, buyerId);
            ps.setString(3, at);
            ps.executeUpdate();
        }
        summary.customersAdded++;
        tally.newCustomer(h, at);
        return id;
    }
}
