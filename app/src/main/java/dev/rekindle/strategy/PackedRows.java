package dev.rekindle.strategy;

import dev.rekindle.api.ContactKind;
import dev.rekindle.customer.OtherContacts;
import dev.rekindle.customer.Consents;
import dev.rekindle.customer.ContactAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customers from rows packed earlier with {@link #packedRow} (e.g. when a campaign was planned): one
 * column of one table read in order, no join, which is a third of what {@link CustomerViewReader#joined}
 * costs; fields are decoded when asked for. Consents are read now, as always.
 */
@Component
public class PackedRows {

    private final JdbcTemplate jdbc;
    private final ContactAddresses addresses;
    private final Consents consents;
    /** addresses of kinds without a customers column (contact:<kind> imports) */
    private final OtherContacts otherContacts;

    public PackedRows(JdbcTemplate jdbc, ContactAddresses addresses, Consents consents) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.consents = consents;
        this.otherContacts = new OtherContacts(jdbc);
    }

    /**
     * The packed row {@link #read} reads, as an SQL expression over {@code customers c} and
     * {@code customer_snapshot s}: the customer's fields, the caller's {@code extras} (SQL expressions),
     * then the snapshot's amount (its text costs once, when the row is stored).
     */
    public static String packedRow(String extras) {
        return CustomerRow.packed(extras);
    }

    /** A packed customer with the caller's extra values and the consents recorded now. */
    public record Packed<T>(T extra, PackedCustomer customer, Map<String, Boolean> consents) {
    }

    /**
     * The rows of a chunk come back as one text, a row per line ({@code group_concat}): sqlite-jdbc
     * crosses into native code and takes the connection's lock for every step and every column, which for
     * a million rows of ~200 bytes cost more than SQLite's own work. Rows must come in customer order;
     * should they not (SQLite does not promise the order of an aggregate), the chunk is read live, as for
     * a changed customer.
     *
     * @param from   a table and condition that select the packed rows as a column named {@code planned_row},
     *               in customer order when read along an index on customer id, e.g.
     *               {@code campaign_members m WHERE m.campaign_id = ? AND m.customer_id > ?}
     * @param orderBy the customer id column, for a {@code limit}
     * @param limit  at most this many rows, the first in customer order; 0 or less: every row. Without a limit
     *               the rows are aggregated straight from the table: the sub-select a limit needs copies each
     *               row once more (a fifth of the read)
     * @param extras how many extra values the rows were packed with, handed to {@code extra} in that order
     * @return empty when a member has no packed row (its customer changed since) or the rows came out of
     *         order: then read them live
     */
    public <T> Optional<List<Packed<T>>> read(String from, List<Object> params, String orderBy, int limit, int extras,
            ExtraColumns<T> extra) {
        String source = limit > 0 ? "(SELECT planned_row FROM " + from + " ORDER BY " + orderBy + " LIMIT " + limit + ")" : from;
        // no row when a member's packed row is gone
        String together = "SELECT count(*), group_concat(planned_row, char(10)) FROM " + source
                + " HAVING count(*) = count(planned_row)";
        int n = CustomerRow.FIELD_COUNT + extras + 1;
        String group = addresses.group();
        List<PackedCustomer> customers = new ArrayList<>(4096);
        boolean complete = Boolean.TRUE.equals(jdbc.query(together, rs -> {
            if (!rs.next()) {
                return false;
            }
            long expected = rs.getLong(1);
            byte[] rows = rs.getBytes(2); // the text's UTF-8 as it is stored: see JsonRow.starts
            for (int start = 0; rows != null && start < rows.length; ) {
                int[] at = JsonRow.startsOfLine(rows, start, n);
                customers.add(new PackedCustomer(rows, at, n, group));
                start = at[n] + 1;
            }
            return customers.size() == expected;
        }, params.toArray()));
        if (!complete) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>(customers.size());
        long last = Long.MIN_VALUE;
        for (PackedCustomer c : customers) {
            long id = c.id();
            if (id <= last) {
                return Optional.empty();
            }
            ids.add(id);
            last = id;
        }
        Map<Long, Map<String, Boolean>> consented = consents.of(ids);
        Map<Long, Map<ContactKind, String>> others = otherContacts.of(ids);
        if (!others.isEmpty()) {
            for (int i = 0; i < customers.size(); i++) {
                customers.get(i).otherAddresses(others.get(ids.get(i)));
            }
        }
        List<Packed<T>> out = new ArrayList<>(customers.size());
        String[] values = new String[extras];
        for (int i = 0; i < customers.size(); i++) {
            PackedCustomer c = customers.get(i);
            for (int k = 0; k < extras; k++) {
                values[k] = c.extra(k);
            }
            out.add(new Packed<>(extra.read(values.clone()), c,
                    consented.isEmpty() ? Map.of() : consented.getOrDefault(ids.get(i), Map.of())));
        }
        return Optional.of(out);
    }
}
