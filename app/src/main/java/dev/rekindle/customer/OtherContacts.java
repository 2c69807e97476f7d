package dev.rekindle.customer;

import dev.rekindle.api.ContactKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers' addresses of the kinds without a customers column (customer_contacts: a plugin's {@code line},
 * {@code dingtalk}…), read a chunk of customers at a time beside their stored contact fields. Costs one
 * cheap query per chunk in a shop that has none, which is most of them.
 */
public final class OtherContacts {

    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;

    public OtherContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By customer id, the addresses by kind; customers without any are absent (empty map when nobody has one). */
    public Map<Long, Map<ContactKind, String>> of(List<Long> ids) {
        if (ids.isEmpty() || !any()) {
            return Map.of();
        }
        Map<Long, Map<ContactKind, String>> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String marks = part.stream().map(x -> "?").collect(Collectors.joining(","));
            jdbc.query("SELECT customer_id, kind, address FROM customer_contacts WHERE customer_id IN (" + marks + ")", rs -> {
                ContactKind kind;
                try {
                    kind = ContactKind.of(rs.getString(2));
                } catch (IllegalArgumentException e) {
                    return; // not written by an import: no channel can name that kind
                }
                out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>(2)).put(kind, rs.getString(3));
            }, part.toArray());
        }
        return out;
    }

    private boolean any() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM customer_contacts)", Boolean.class));
    }
}
