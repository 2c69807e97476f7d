package dev.rekindle.customer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class CustomerRepository {

    private static final String SELECT = """
            SELECT c.id, c.buyer_id, c.name, c.mobile, c.mobile_note, c.email, c.wechat_id, c.birthday, c.gender,
                   c.city, c.province, c.member_level, c.points, c.created_at, c.erased_at,
                   s.first_order_at, s.last_order_at, coalesce(s.order_count, 0) AS order_count,
                   coalesce(s.revenue, 0) AS revenue
            FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id""";

    public record Consent(String channel, boolean granted, String source, String recordedAt) {
    }

    public record OrderLine(String orderNo, String createdAt, double amount, String status, int items, String category) {
    }

    private final JdbcClient jdbc;
    private final ForgottenBuyers forgotten;

    public CustomerRepository(JdbcClient jdbc, ForgottenBuyers forgotten) {
        this.jdbc = jdbc;
        this.forgotten = forgotten;
    }

    /** By the shop's buyer id; an all-digits id that is not a buyer id is tried as the internal id. */
    public Optional<Customer> findByBuyerId(String buyerId) {
        Optional<Customer> c = jdbc.sql(SELECT + " WHERE c.buyer_id = ?").param(buyerId).query(Customer.class).optional();
        if (c.isEmpty()) {
            // ids differ in case between exports (TB_Alice / tb_alice): one customer that matches without case is the one
            List<Customer> any = jdbc.sql(SELECT + " WHERE lower(c.buyer_id) = lower(?) LIMIT 2").param(buyerId)
                    .query(Customer.class).list();
            c = any.size() == 1 ? Optional.of(any.get(0)) : Optional.empty();
        }
        if (c.isEmpty() && buyerId.matches("\\d{1,18}")) {
            c = jdbc.sql(SELECT + " WHERE c.id = ?").param(Long.parseLong(buyerId)).query(Customer.class).optional();
        }
        return c;
    }

    /**
     * Customers whose name or buyer id contains every word of {@code name} ("王 芳" finds 王芳 and 王小芳: people
     * type a space between family and given name, stores do not), and whose mobile contains the digits.
     */
    public List<Customer> find(String name, String mobileDigits, int limit) {
        StringBuilder where = new StringBuilder(" WHERE c.erased_at IS NULL");
        Map<String, Object> params = new java.util.HashMap<>();
        if (name != null && !name.isBlank()) {
            // every word must match (王 芳 finds 王芳); % and _ are what the operator typed, not wildcards
            String[] words = name.strip().split("[\\s\u3000]+");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND (c.name LIKE :name").append(i).append(" ESCAPE '\\' OR c.buyer_id LIKE :name").append(i)
                        .append(" ESCAPE '\\')");
                params.put("name" + i, "%" + likeLiteral(words[i]) + "%");
            }
        }
        if (mobileDigits != null && !mobileDigits.isBlank()) {
            where.append(" AND c.mobile LIKE :mobile");
            params.put("mobile", "%" + mobileDigits.trim() + "%");
        }
        params.put("limit", limit);
        return jdbc.sql(SELECT + where + " ORDER BY coalesce(s.revenue, 0) DESC, c.id LIMIT :limit")
                .params(params).query(Customer.class).list();
    }

    static String likeLiteral(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<Consent> consents(long customerId) {
        return jdbc.sql("SELECT channel, granted, source, recorded_at FROM consents WHERE customer_id = ? ORDER BY channel")
                .param(customerId).query(Consent.class).list();
    }

    public List<OrderLine> recentOrders(long customerId, int limit) {
        return jdbc.sql("""
                SELECT order_no, created_at, amount, status, item_count AS items, category FROM orders
                WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?""")
                .params(customerId, limit).query(OrderLine.class).list();
    }

    /** What was erased, for the operator's record. */
    public record Erasure(String newBuyerId, int consentsDeleted, int ordersKept, int otherContactsDeleted) {
    }

    /**
     * Erases a person's personal data (PIPL right to deletion): profile and contact fields, consents.
     * Orders stay as anonymous facts so that the shop's figures do not change. The buyer id is remembered
     * as a keyed hash ({@link ForgottenBuyers}) so that imports leave the person out from now on.
     */
    @Transactional
    public Erasure erase(Customer c, String now) {
        String anonymous = "erased-" + c.id();
        // zeros over what this transaction frees (the old row, its index entries), on this connection only
        int secureDelete = jdbc.sql("PRAGMA secure_delete").query(Integer.class).single();
        jdbc.sql("PRAGMA secure_delete = ON").query().listOfRows();
        try {
            return eraseRows(c, now, anonymous);
        } finally {
            jdbc.sql("PRAGMA secure_delete = " + secureDelete).query().listOfRows();
        }
    }

    private Erasure eraseRows(Customer c, String now, String anonymous) {
        jdbc.sql("""
                UPDATE customers SET buyer_id = ?, name = NULL, mobile = NULL, mobile_note = NULL, email = NULL,
                       wechat_id = NULL, birthday = NULL, gender = NULL, city = NULL, province = NULL, erased_at = ?
                WHERE id = ?""").params(anonymous, now, c.id()).update();
        int consents = jdbc.sql("DELETE FROM consents WHERE customer_id = ?").param(c.id()).update();
        // addresses of the kinds without a column (contact:<kind> imports: LINE ids…) are as personal as a number
        List<String> others = jdbc.sql("SELECT address FROM customer_contacts WHERE customer_id = ?").param(c.id())
                .query(String.class).list();
        int otherContacts = jdbc.sql("DELETE FROM customer_contacts WHERE customer_id = ?").param(c.id()).update();
        // who the parcels went to and where is personal data too; the orders themselves stay as facts
        jdbc.sql("""
                UPDATE orders SET consignee = NULL, ship_address = NULL, ship_city = NULL, ship_province = NULL
                WHERE customer_id = ?""").param(c.id()).update();
        forgotten.remember(c.buyerId(), now); // so that re-importing an old export does not bring the person back
        int orders = jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(c.id()).query(Integer.class).single();
        // copies made for campaigns (the customers trigger drops them too; said here so it never depends on it)
        jdbc.sql("UPDATE campaign_members SET planned_row = NULL WHERE customer_id = ? AND planned_row IS NOT NULL")
                .param(c.id()).update();
        // import summaries quote values from files (a refused row's name or number)
        List<String> values = new java.util.ArrayList<>(java.util.Arrays.asList(c.buyerId(), c.mobile(), c.email(), c.wechatId(), c.name()));
        values.addAll(others);
        for (String v : values) {
            if (v != null && v.strip().length() >= 2) {
                jdbc.sql("UPDATE import_log SET summary = replace(summary, ?, '[erased]') WHERE instr(summary, ?) > 0")
                        .params(v.strip(), v.strip()).update();
            }
        }
        return new Erasure(anonymous, consents, orders, otherContacts);
    }
}
