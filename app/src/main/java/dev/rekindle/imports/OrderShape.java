package dev.rekindle.imports;

import dev.rekindle.imports.value.OrderStatuses;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Which order values a file actually carries, so that the insert binds only those: a file without status,
 * paid time, item count or category columns (most generic exports) gets {@code 'completed'}, the order
 * time, the column default 1 and NULL from the SQL itself. At millions of rows every bound value counts
 * (each is a JNI call and a UTF-8 copy in the SQLite driver).
 *
 * @param status    the file has statuses (else every order is completed and was paid when placed)
 * @param paidTime  the file has paid times
 * @param itemCount the file has item counts (else 1)
 * @param category  the file has categories (else none)
 * @param sqlite    numbered parameters ({@code ?3} used twice) are understood
 */
record OrderShape(boolean status, boolean paidTime, boolean itemCount, boolean category, boolean sqlite) {

    static OrderShape full(boolean sqlite) {
        return new OrderShape(true, true, true, true, sqlite);
    }

    /** INSERT … ON CONFLICT(order_no) DO NOTHING with this shape's columns. */
    String insertSql() {
        List<String> columns = new ArrayList<>(List.of("order_no", "customer_id", "created_at", "paid_at", "amount", "status"));
        List<String> values = new ArrayList<>();
        int n = 0;
        values.add(param(++n));      // order_no
        values.add(param(++n));      // customer_id
        int created = ++n;
        values.add(param(created));  // created_at
        boolean paidIsCreated = !status && !paidTime;
        values.add(paidIsCreated && sqlite ? param(created) : param(++n)); // paid_at
        values.add(param(++n));      // amount
        values.add(status ? param(++n) : "'" + OrderStatuses.COMPLETED + "'");
        if (itemCount) {
            columns.add("item_count");
            values.add(param(++n));
        }
        if (category) {
            columns.add("category");
            values.add(param(++n));
        }
        return "INSERT INTO orders(" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values)
                + ") ON CONFLICT(order_no) DO NOTHING";
    }

    private String param(int n) {
        return sqlite ? "?" + n : "?";
    }

    /** Binds a row in the order of {@link #insertSql()}. */
    void bind(PreparedStatement ps, OrderRow r, long customerId) throws SQLException {
        if (!status && !(OrderStatuses.COMPLETED.equals(r.status()) && r.paidAt() != null && r.paidAt().equals(r.createdAt()))) {
            throw new IllegalStateException("order " + r.orderNo() + " does not fit the insert shape");
        }
        int k = 0;
        ps.setString(++k, r.orderNo());
        ps.setLong(++k, customerId);
        ps.setString(++k, r.createdAt());
        if (status || paidTime || !sqlite) {
            ps.setString(++k, r.paidAt());
        }
        ps.setDouble(++k, r.amount());
        if (status) {
            ps.setString(++k, r.status());
        }
        if (itemCount) {
            ps.setInt(++k, r.itemCount());
        } else if (r.itemCount() != 1) {
            throw new IllegalStateException("order " + r.orderNo() + " does not fit the insert shape");
        }
        if (category) {
            if (r.category() == null) ps.setNull(++k, Types.VARCHAR);
            else ps.setString(++k, r.category());
        }
    }
}
