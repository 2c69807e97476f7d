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
            String[] words = name.strip().split("[\\s\u3000]+");
            for (int i = 0; i < words.length; i++) {
                where.append(" AND (c.name LIKE :name").append(i).append(" OR c.buyer_id LIKE :name").append(i).append(')');
                params.put("name" + i, "%" + words[i] + "%");
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
    public record Erasure(String newBuyerId, int consentsDeleted, int ordersKept) {
    }

    /**
     * Erases a person's personal data (PIPL right to deletion): profile and contact fields, consents.
     * Orders stay as anonymous facts so that the shop's figures do not change. The buyer id is remembered
     * as a keyed hash ({@link ForgottenBuyers}) so that imports leave the person out from now on.
     */
    @Transactional
    public Erasure erase(Customer c, String now) {
        String anonymous = "erased-" + c.id();
        jdbc.sql("""
                UPDATE customers SET buyer_id = ?, name = NULL, mobile = NULL, mobile_note = NULL, email = NULL,
                       wechat_id = NULL, birthday = NULL, gender = NULL, city = NULL, province = NULL, erased_at = ?
                WHERE id = ?""").params(anonymous, now, c.id()).update();
        int consents = jdbc.sql("DELETE FROM consents WHERE customer_id = ?").param(c.id()).update();
        // who the parcels went to and where is personal data too; the orders themselves stay as facts
        jdbc.sql("""
                UPDATE orders SET consignee = NULL, ship_address = NULL, ship_city = NULL, ship_province = NULL
                WHERE customer_id = ?""").param(c.id()).update();
        forgotten.remember(c.buyerId(), now); // so that re-importing an old export does not bring the person back
        int orders = jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = ?").param(c.id()).query(Integer.class).single();
        return new Erasure(anonymous, consents, orders);
    }
}
