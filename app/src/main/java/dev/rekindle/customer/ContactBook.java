package dev.rekindle.customer;

import dev.rekindle.api.ContactKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Customers' addresses by contact kind, for the operator's view: how many customers a kind reaches, and a
 * customer's addresses of the kinds that have no customers column (customer_contacts, imported from
 * {@code contact:<kind>} columns). Planning and sending read addresses through CustomerViewReader.
 */
@Component
public class ContactBook {

    private final JdbcClient jdbc;

    public ContactBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many customers (not erased) have an address of this kind: the usable mobiles (not masked, not
     * virtual), emails, WeChat ids, or the imported addresses of another kind (0 when the shop has none:
     * a plugin's kind is not an error). Empty for groups: a group post reaches the shop's group.
     */
    public OptionalLong reachable(ContactKind kind) {
        String sql;
        if (ContactKind.GROUP.equals(kind)) {
            return OptionalLong.empty();
        } else if (ContactKind.MOBILE.equals(kind)) {
            sql = "SELECT count(*) FROM customers WHERE erased_at IS NULL AND mobile IS NOT NULL AND mobile_note IS NULL"
                    + " AND instr(mobile, '*') = 0 AND length(mobile) >= 11";
        } else if (ContactKind.EMAIL.equals(kind)) {
            sql = "SELECT count(*) FROM customers WHERE erased_at IS NULL AND instr(email, '@') > 1";
        } else if (ContactKind.WECHAT.equals(kind)) {
            sql = "SELECT count(*) FROM customers WHERE erased_at IS NULL AND trim(wechat_id) <> ''";
        } else {
            return OptionalLong.of(jdbc.sql("""
                    SELECT count(*) FROM customer_contacts k JOIN customers c ON c.id = k.customer_id
                    WHERE k.kind = ? AND c.erased_at IS NULL""").param(kind.id()).query(Long.class).single());
        }
        return OptionalLong.of(jdbc.sql(sql).query(Long.class).single());
    }

    /** A customer's addresses of the kinds without a customers column, by kind id (full: mask before showing). */
    public Map<String, String> others(long customerId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT kind, address FROM customer_contacts WHERE customer_id = ? ORDER BY kind").param(customerId)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }
}
