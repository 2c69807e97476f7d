package dev.rekindle.customer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The consents recorded for a chunk of customers, as they stand now: channel → granted, per customer. */
@Repository
public class Consents {

    private final JdbcTemplate jdbc;

    public Consents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param ids customer ids in ascending order; a customer without any consent row is left out */
    public Map<Long, Map<String, Boolean>> of(List<Long> ids) {
        Map<Long, Map<String, Boolean>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        if (last - first < 4L * ids.size()) {
            // dense ids (a chunk of a big audience): one range scan beats looking up an id list
            Set<Long> wanted = new HashSet<>(ids);
            jdbc.query("SELECT customer_id, channel, granted FROM consents WHERE customer_id BETWEEN ? AND ?", rs -> {
                long id = rs.getLong(1);
                if (wanted.contains(id)) {
                    out.computeIfAbsent(id, k -> new HashMap<>(4)).put(rs.getString(2), rs.getInt(3) == 1);
                }
            }, first, last);
            return out;
        }
        String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        jdbc.query("SELECT customer_id, channel, granted FROM consents WHERE customer_id IN (" + marks + ")",
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>(4)).put(rs.getString(2), rs.getInt(3) == 1);
                }, ids.toArray());
        return out;
    }
}
