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

    /** INSERT … ON CONFLICT(order_no) DO NOTHING of one order with this shape's columns. */
    String insertSql() {
        return insertSql(1);
    }

    /**
     * INSERT … VALUES (…), (…) … ON CONFLICT(order_no) DO NOTHING of {@code rows} orders: one statement step
     * per group instead of per order saves about a quarter of the insert time at millions of orders.
     * Row {@code r} binds its values from parameter {@code r × }{@link #parameters()}{@code + 1}.
     */
    String insertSql(int rows) {
        List<String> columns = new ArrayList<>(List.of("order_no", "customer_id", "created_at", "paid_at", "amount", "status"));
        if (itemCount) columns.add("item_count");
        if (category) columns.add("category");
        StringBuilder values = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            values.append(r == 0 ? "(" : ", (").append(String.join(", ", rowValues(r * parameters()))).append(')');
        }
        return "INSERT INTO orders(" + String.join(", ", columns) + ") VALUES " + values + " ON CONFLICT(order_no) DO NOTHING";
    }

    /** The VALUES of one row whose parameters start after {@code n}. */
    private List<String> rowValues(int n) {
        List<String> values = new ArrayList<>();
        values.add(param(++n));      // order_no
        values.add(param(++n));      // customer_id
        int created = ++n;
        values.add(param(created));  // created_at
        boolean paidIsCreated = !status && !paidTime;
        values.add(paidIsCreated && sqlite ? param(created) : param(++n)); // paid_at
        values.add(param(++n));      // amount
        values.add(status ? param(++n) : "'" + OrderStatuses.COMPLETED + "'");
        if (itemCount) values.add(param(++n));
        if (category) values.add(param(++n));
        return values;
    }

    /** How many parameters one row binds. */
    int parameters() {
        boolean paidIsCreated = !status && !paidTime;
        return 4 + (paidIsCreated && sqlite ? 0 : 1) + (status ? 1 : 0) + (itemCount ? 1 : 0) + (category ? 1 : 0);
    }

    private String param(int n) {
        return sqlite ? "?" + n : "?";
    }

    /** Binds a row in the order of {@link #insertSql()}. */
    void bind(PreparedStatement ps, OrderRow r, long customerId) throws SQLException {
        bind(ps, r, customerId, 0);
    }

    /** Binds a row of a multi-row insert, its parameters starting after {@code offset}. */
    void bind(PreparedStatement ps, OrderRow r, long customerId, int offset) throws SQLException {
        if (!status && !(OrderStatuses.COMPLETED.equals(r.status()) && r.paidAt() != null && r.paidAt().equals(r.createdAt()))) {
            throw new IllegalStateException("order " + r.orderNo() + " does not fit the insert shape");
        }
        int k = offset;
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
