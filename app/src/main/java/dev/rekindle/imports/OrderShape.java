package dev.rekindle.imports;

import dev.rekindle.imports.value.OrderStatuses;
import java.util.ArrayList;
import java.util.List;

/**
 * Which order values a file actually carries, so that the insert binds only those: a file without status,
 * paid time, item count or category columns (most generic exports) gets {@code 'completed'}, the order
 * time, the column default 1 and NULL from the SQL itself. At millions of rows every bound value counts
 * (each is a JNI call and a UTF-8 copy in the SQLite driver).
 *
 * @param status    the file has statuses (else every order is completed, and paid when placed unless the file has paid times)
 * @param paidTime  the file has paid times
 * @param itemCount the file has item counts (else 1)
 * @param category  the file has categories (else none)
 * @param shipping  the file has the consignee (name, address or city): kept on the order
 * @param sqlite    numbered parameters ({@code ?3} used twice) are understood
 */
record OrderShape(boolean status, boolean paidTime, boolean itemCount, boolean category, boolean shipping, boolean sqlite) {

    static OrderShape full(boolean sqlite) {
        return new OrderShape(true, true, true, true, true, sqlite);
    }

    static final List<String> SHIPPING = List.of("consignee", "ship_province", "ship_city", "ship_address");

    /** {@code INSERT INTO orders(…) VALUES} with this shape's columns, for a {@link GroupedInsert}. */
    String head() {
        List<String> columns = new ArrayList<>(List.of("order_no", "customer_id", "created_at", "paid_at", "amount", "status"));
        if (itemCount) columns.add("item_count");
        if (category) columns.add("category");
        if (shipping) columns.addAll(SHIPPING);
        return "INSERT INTO orders(" + String.join(", ", columns) + ") VALUES";
    }

    static final String ON_CONFLICT = "ON CONFLICT(order_no) DO NOTHING";

    /** One order's VALUES, its {@link #parameters()} numbered from 1 (plain {@code ?} outside SQLite). */
    String rowValues() {
        List<String> values = new ArrayList<>();
        int n = 0;
        values.add(param(++n));      // order_no
        values.add(param(++n));      // customer_id
        int created = ++n;
        values.add(param(created));  // created_at
        values.add(paidIsCreated() && sqlite ? param(created) : param(++n)); // paid_at
        values.add(param(++n));      // amount
        values.add(status ? param(++n) : "'" + OrderStatuses.COMPLETED + "'");
        if (itemCount) values.add(param(++n));
        if (category) values.add(param(++n));
        if (shipping) {
            for (int i = 0; i < SHIPPING.size(); i++) values.add(param(++n));
        }
        return "(" + String.join(", ", values) + ")";
    }

    /** A file without status and paid-time columns: every order was paid when placed. */
    private boolean paidIsCreated() {
        return !status && !paidTime;
    }

    /** How many parameters one row binds. */
    int parameters() {
        return 4 + (paidIsCreated() && sqlite ? 0 : 1) + (status ? 1 : 0) + (itemCount ? 1 : 0) + (category ? 1 : 0)
                + (shipping ? SHIPPING.size() : 0);
    }

    private String param(int n) {
        return sqlite ? "?" + n : "?";
    }

    /** Puts a row's values into {@code into} in the order of {@link #rowValues()}. */
    void values(OrderRow r, long customerId, Object[] into) {
        if (!status && !OrderStatuses.COMPLETED.equals(r.status())
                || paidIsCreated() && !java.util.Objects.equals(r.paidAt(), r.createdAt())
                || !itemCount && r.itemCount() != 1) {
            throw new IllegalStateException("order " + r.orderNo() + " does not fit the insert shape");
        }
        int k = 0;
        into[k++] = r.orderNo();
        into[k++] = customerId;
        into[k++] = r.createdAt();
        if (!paidIsCreated() || !sqlite) into[k++] = r.paidAt();
        into[k++] = r.amount();
        if (status) into[k++] = r.status();
        if (itemCount) into[k++] = r.itemCount();
        if (category) into[k++] = r.category();
        if (shipping) {
            OrderRow.Profile p = r.profile();
            into[k++] = p == null ? null : p.name();
            into[k++] = p == null ? null : p.province();
            into[k++] = p == null ? null : p.city();
            into[k] = p == null ? null : p.address();
        }
    }
}
