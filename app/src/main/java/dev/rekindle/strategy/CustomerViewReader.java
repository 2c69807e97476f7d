package dev.rekindle.strategy;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.PastOrder;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.customer.Consents;
import dev.rekindle.customer.ContactAddresses;
import dev.rekindle.customer.OtherContacts;
import dev.rekindle.filter.CandidateFilterSql;
import dev.rekindle.guard.Recipient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams customers with their snapshot data as {@link Candidate}s, in customer id order, a chunk at a
 * time (keyset pagination: memory stays flat at a million customers and no cursor is held open while
 * the caller writes). The strategy's {@link CandidateFilter} ({@link CandidateFilterSql}) and a segment
 * restriction become parameterised SQL; rows travel packed ({@link CustomerRow}); consents
 * ({@link Consents}) and, when asked, the latest orders ({@link LatestOrders}) are fetched per chunk.
 */
@Component
public class CustomerViewReader {

    public static final int CHUNK = 1000;
    private static final String COLUMNS = CustomerRow.COLUMNS;

    /** What to read: the snapshot's customers passing the filter and the restriction. */
    public record Request(Snapshot snapshot, CandidateFilter filter, SqlCondition restriction) {
    }

    private final JdbcTemplate jdbc;
    private final ContactAddresses addresses;
    private final Consents consents;
    private final LatestOrders latestOrders;
    /** addresses of kinds without a customers column (contact:<kind> imports) */
    private final OtherContacts otherContacts;

    public CustomerViewReader(JdbcTemplate jdbc, ContactAddresses addresses, Consents consents, LatestOrders latestOrders) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.consents = consents;
        this.latestOrders = latestOrders;
        this.otherContacts = new OtherContacts(jdbc);
    }

    public long count(Request r) {
        List<Object> params = new ArrayList<>();
        String where = where(r, params);
        Long n = jdbc.queryForObject("SELECT count(*) FROM customer_snapshot s JOIN customers c ON c.id = s.customer_id"
                + where, Long.class, params.toArray());
        return n == null ? 0 : n;
    }

    /** Every matching customer, in id order. */
    public void forEach(Request r, Consumer<Candidate> sink) {
        if (r.filter().nobody()) {
            return;
        }
        long after = Long.MIN_VALUE;
        Map<String, Integer> lifespans = r.filter().lastOrders() > 0 ? latestOrders.lifespans() : Map.of();
        while (true) {
            List<Object> params = new ArrayList<>();
            String sql = COLUMNS + " FROM customer_snapshot s JOIN customers c ON c.id = s.customer_id"
                    + where(r, params) + " AND s.customer_id > ? ORDER BY s.customer_id LIMIT " + CHUNK;
            params.add(after);
            List<CustomerRow> rows = jdbc.query(sql, (rs, n) -> CustomerRow.read(rs), params.toArray());
            if (rows.isEmpty()) {
                return;
            }
            emit(rows, r.snapshot().asOf(), r.filter().lastOrders(), lifespans, sink);
            after = rows.get(rows.size() - 1).id();
            if (rows.size() < CHUNK) {
                return;
            }
        }
    }

    /** One customer by internal id, with snapshot data when a snapshot is given (else stage none). */
    public Optional<Candidate> one(Snapshot snapshot, long customerId, int lastOrders) {
        List<CustomerRow> rows = jdbc.query(COLUMNS + " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id"
                + " AND s.snapshot_id = ? WHERE c.id = ? AND c.erased_at IS NULL", (rs, n) -> CustomerRow.read(rs),
                snapshot == null ? -1 : snapshot.id(), customerId);
        List<Candidate> out = new ArrayList<>();
        emit(rows, snapshot == null ? LocalDate.now() : snapshot.asOf(), lastOrders, lastOrders > 0 ? latestOrders.lifespans() : Map.of(), out::add);
        return out.stream().findFirst();
    }

    /**
     * The given customers (internal ids, any order) with the snapshot's data, returned in id order;
     * erased customers are left out. Used to render planned messages a chunk at a time.
     */
    public List<Candidate> byIds(Snapshot snapshot, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        List<Object> params = new ArrayList<>();
        params.add(snapshot.id());
        params.addAll(ids);
        List<CustomerRow> rows = jdbc.query(COLUMNS + " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id"
                + " AND s.snapshot_id = ? WHERE c.id IN (" + marks + ") AND c.erased_at IS NULL ORDER BY c.id",
                (rs, n) -> CustomerRow.read(rs), params.toArray());
        List<Candidate> out = new ArrayList<>(rows.size());
        emit(rows, snapshot.asOf(), 0, Map.of(), out::add);
        return out;
    }

    /** A customer read together with the caller's own columns. */
    public record Joined<T>(T extra, Candidate candidate) {
    }

    /**
     * Customers driven by another table keyed by customer id, e.g. a campaign's members: one query per
     * chunk walking the driver's index in customer order (much cheaper than looking up an id list).
     *
     * @param driver  e.g. {@code campaign_members m} — must expose {@code customer_id}
     * @param columns the caller's extra columns (SQL expressions), handed to {@code extra} as text in this order
     * @param where   condition on the driver with its parameters, e.g. {@code m.campaign_id = ? AND m.customer_id > ?}
     * @param orderBy the driver's customer id column, e.g. {@code m.customer_id}
     */
    public <T> List<Joined<T>> joined(Snapshot snapshot, String driver, List<String> columns, String where, List<Object> params,
            String orderBy, int limit, ExtraColumns<T> extra) {
        List<Object> all = new ArrayList<>();
        all.add(snapshot.id());
        all.addAll(params);
        String alias = driver.substring(driver.lastIndexOf(' ') + 1);
        int extras = columns.size();
        List<CustomerRow> rows = new ArrayList<>(Math.min(limit, 8192));
        List<T> extraValues = new ArrayList<>(Math.min(limit, 8192));
        jdbc.query(CustomerRow.columns(String.join(", ", columns)) + " FROM " + driver + " JOIN customers c ON c.id = " + alias
                + ".customer_id LEFT JOIN customer_snapshot s ON s.customer_id = c.id AND s.snapshot_id = ? WHERE " + where
                + " ORDER BY " + orderBy + " LIMIT " + limit, rs -> {
            String[] values = JsonRow.parse(rs.getString(1), CustomerRow.FIELD_COUNT + extras);
            rows.add(CustomerRow.of(values, rs.getDouble(2)));
            extraValues.add(extra.read(Arrays.copyOfRange(values, CustomerRow.FIELD_COUNT, values.length)));
        }, all.toArray());
        List<Candidate> candidates = new ArrayList<>(rows.size());
        emit(rows, snapshot.asOf(), 0, Map.of(), candidates::add);
        List<Joined<T>> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new Joined<>(extraValues.get(i), candidates.get(i)));
        }
        return out;
    }

    /**
     * A small, varied set of real customers to try templates on: the first customer of every stage and
     * RFM segment, and those with the longest names (the worst case for SMS length).
     */
    public List<Candidate> samples(Snapshot snapshot, int lastOrders) {
        long snap = snapshot == null ? -1 : snapshot.id();
        String from = " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id AND s.snapshot_id = ?"
                + " WHERE c.erased_at IS NULL";
        List<Long> ids = new ArrayList<>();
        ids.addAll(jdbc.queryForList("SELECT min(c.id)" + from + " GROUP BY s.stage", Long.class, snap));
        ids.addAll(jdbc.queryForList("SELECT min(c.id)" + from + " AND s.segment IS NOT NULL GROUP BY s.segment", Long.class, snap));
        ids.addAll(jdbc.queryForList("SELECT c.id" + from + " ORDER BY length(c.name) DESC, c.id LIMIT 2", Long.class, snap));
        List<Long> distinct = ids.stream().distinct().sorted().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        String marks = distinct.stream().map(x -> "?").collect(Collectors.joining(","));
        List<Object> params = new ArrayList<>();
        params.add(snap);
        params.addAll(distinct);
        List<CustomerRow> rows = jdbc.query(COLUMNS + " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id"
                + " AND s.snapshot_id = ? WHERE c.id IN (" + marks + ") ORDER BY c.id", (rs, n) -> CustomerRow.read(rs), params.toArray());
        List<Candidate> out = new ArrayList<>();
        emit(rows, snapshot == null ? LocalDate.now() : snapshot.asOf(), lastOrders, lastOrders > 0 ? latestOrders.lifespans() : Map.of(), out::add);
        return out;
    }

    private static String where(Request r, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE s.snapshot_id = ? AND c.erased_at IS NULL");
        params.add(r.snapshot().id());
        CandidateFilterSql.append(r.filter(), r.snapshot().asOf(), w, params);
        if (r.restriction() != null) {
            w.append(" AND (").append(r.restriction().sql()).append(')');
            params.addAll(r.restriction().params());
        }
        return w.toString();
    }

    private void emit(List<CustomerRow> rows, LocalDate asOf, int lastOrders, Map<String, Integer> lifespans, Consumer<Candidate> sink) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (CustomerRow row : rows) {
            ids.add(row.id());
        }
        Map<Long, Map<String, Boolean>> consented = consents.of(ids);
        Map<Long, List<PastOrder>> orders = lastOrders > 0 ? latestOrders.of(ids, asOf, lastOrders, lifespans) : Map.of();
        Map<Long, Map<ContactKind, String>> others = otherContacts.of(ids);
        for (CustomerRow row : rows) {
            Map<ContactKind, String> contacts = addresses.of(row.mobile(), row.mobileNote(), row.email(), row.wechat());
            Map<ContactKind, String> more = others.get(row.id());
            if (more != null) {
                contacts.putAll(more); // a fresh map per customer
            }
            CustomerView view = new CustomerView(row.id(), row.buyerId(), row.name(), row.gender(), TextDates.monthDay(row.birthday()),
                    TextDates.birthYear(row.birthday()), row.city(), row.level(), row.points(),
                    ContactAddresses.kinds(contacts.keySet()),
                    row.stage() == null ? Stage.NONE : Stage.fromCode(row.stage()),
                    row.segment() == null ? null : RfmSegment.fromCode(row.segment()), row.recency(), row.frequency(), row.monetary(),
                    row.r(), row.f(), row.m(), row.mainCategory(), TextDates.date(row.firstOrder()), TextDates.date(row.lastOrder()),
                    orders.getOrDefault(row.id(), List.of()), null);
            sink.accept(new Candidate(view, new Recipient(row.id(), row.buyerId(), contacts,
                    consented.getOrDefault(row.id(), Map.of()))));
        }
    }
}
