package dev.rekindle.strategy;

import dev.rekindle.api.CandidateFilter;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.api.PastOrder;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.customer.OtherContacts;
import dev.rekindle.guard.Recipient;
import dev.rekindle.store.CustomerStats;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams customers with their snapshot data as {@link Candidate}s, in customer id order, a chunk at a
 * time (keyset pagination: memory stays flat at a million customers and no cursor is held open while
 * the caller writes). The strategy's {@link CandidateFilter} and a segment restriction become
 * parameterised SQL; consents and (when asked) the latest orders are fetched per chunk.
 */
@Component
public class CustomerViewReader {

    public static final int CHUNK = 1000;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** What to read: the snapshot's customers passing the filter and the restriction. */
    public record Request(Snapshot snapshot, CandidateFilter filter, SqlCondition restriction) {
    }

    /**
     * The customer's columns packed into one JSON array per row (SQLite's json_array; MySQL has it too,
     * PostgreSQL calls it json_build_array): sqlite-jdbc pays a native call per column, and twenty of them
     * per row dominated million-row reads. json_array keeps NULLs and types apart without CASTs and builds
     * its text in one buffer. The amount travels as its own REAL column: formatting it as text is the
     * dearest conversion SQLite does.
     */
    private static final String[] FIELDS = {"c.id", "c.buyer_id", "c.name", "c.mobile", "c.mobile_note", "c.email", "c.wechat_id",
            "c.birthday", "c.gender", "c.city", "c.member_level", "c.points", "s.stage", "s.segment",
            "s.recency_days", "s.frequency", "s.r", "s.f", "s.m", "s.main_category", "s.first_order_at", "s.last_order_at"};
    static final int FIELD_COUNT = FIELDS.length;
    private static final String COLUMNS = columns("");

    private static String columns(String extra) {
        return "SELECT json_array(" + String.join(", ", FIELDS) + (extra.isEmpty() ? "" : ", " + extra) + "), s.monetary";
    }

    private final JdbcTemplate jdbc;
    private final String groupName;
    private final boolean hasGroup;
    /** addresses of kinds without a customers column (contact:<kind> imports) */
    private final OtherContacts otherContacts;

    public CustomerViewReader(JdbcTemplate jdbc, @Value("${rekindle.campaigns.group-name:老客福利群}") String groupName) {
        this.jdbc = jdbc;
        this.groupName = groupName;
        this.hasGroup = !groupName.isBlank(); // asked per customer: isBlank on Chinese text is not free
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
        Map<String, Integer> lifespans = r.filter().lastOrders() > 0 ? lifespans() : Map.of();
        while (true) {
            List<Object> params = new ArrayList<>();
            String sql = COLUMNS + " FROM customer_snapshot s JOIN customers c ON c.id = s.customer_id"
                    + where(r, params) + " AND s.customer_id > ? ORDER BY s.customer_id LIMIT " + CHUNK;
            params.add(after);
            memoryMapped();
            List<Row> rows = jdbc.query(sql, (rs, n) -> row(rs), params.toArray());
            if (rows.isEmpty()) {
                return;
            }
            emit(rows, r.snapshot().asOf(), r.filter().lastOrders(), lifespans, sink);
            after = rows.get(rows.size() - 1).id;
            if (rows.size() < CHUNK) {
                return;
            }
        }
    }

    /** One customer by internal id, with snapshot data when a snapshot is given (else stage none). */
    public Optional<Candidate> one(Snapshot snapshot, long customerId, int lastOrders) {
        List<Row> rows = jdbc.query(COLUMNS + " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id"
                + " AND s.snapshot_id = ? WHERE c.id = ? AND c.erased_at IS NULL", (rs, n) -> row(rs),
                snapshot == null ? -1 : snapshot.id(), customerId);
        List<Candidate> out = new ArrayList<>();
        emit(rows, snapshot == null ? LocalDate.now() : snapshot.asOf(), lastOrders, lastOrders > 0 ? lifespans() : Map.of(), out::add);
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
        List<Row> rows = jdbc.query(COLUMNS + " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id"
                + " AND s.snapshot_id = ? WHERE c.id IN (" + marks + ") AND c.erased_at IS NULL ORDER BY c.id",
                (rs, n) -> row(rs), params.toArray());
        List<Candidate> out = new ArrayList<>(rows.size());
        emit(rows, snapshot.asOf(), 0, Map.of(), out::add);
        return out;
    }

    /**
     * SQLite only: reads of a million rows through a 2 MB page cache spend as much time in read()
     * system calls as in SQL; memory-mapping the file removes them. Set once per pooled connection
     * (harmless to repeat); other databases ignore this.
     */
    private void memoryMapped() {
        if (sqlite == null) {
            sqlite = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                    con -> con.getMetaData().getURL().startsWith("jdbc:sqlite")));
        }
        if (sqlite) {
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) con -> {
                try (java.sql.Statement st = con.createStatement()) {
                    st.execute("PRAGMA mmap_size = 2147418112");
                }
                return null;
            });
        }
    }

    private volatile Boolean sqlite;

    /** Reads the values of the columns a caller added to {@link #joined}, in the order given (text; null for NULL). */
    @FunctionalInterface
    public interface ExtraColumns<T> {
        T read(String[] values);
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
        memoryMapped();
        List<Row> rows = new ArrayList<>(Math.min(limit, 8192));
        List<T> extraValues = new ArrayList<>(Math.min(limit, 8192));
        jdbc.query(columns(String.join(", ", columns)) + " FROM " + driver + " JOIN customers c ON c.id = " + alias
                + ".customer_id LEFT JOIN customer_snapshot s ON s.customer_id = c.id AND s.snapshot_id = ? WHERE " + where
                + " ORDER BY " + orderBy + " LIMIT " + limit, rs -> {
            String[] values = JsonRow.parse(rs.getString(1), FIELDS.length + extras);
            rows.add(row(values, rs.getDouble(2)));
            extraValues.add(extra.read(java.util.Arrays.copyOfRange(values, FIELDS.length, values.length)));
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
     * The packed row {@link #planned} reads, as an SQL expression over {@code customers c} and
     * {@code customer_snapshot s}: the customer's fields, the caller's {@code extras} (SQL expressions),
     * then the snapshot's amount (its text costs once, when the row is stored).
     */
    public static String packedRow(String extras) {
        return "json_array(" + String.join(", ", FIELDS) + ", " + extras + ", s.monetary)";
    }

    /** A packed customer with the caller's extra values and the consents recorded now. */
    public record Packed<T>(T extra, PackedCustomer customer, Map<String, Boolean> consents) {
    }

    /**
     * Customers from rows packed earlier with {@link #packedRow} (e.g. when a campaign was planned): one
     * column of one table read in order, no join, which is a third of what {@link #joined} costs; fields
     * are decoded when asked for. Consents are read now, as always.
     * <p>
     * The rows of a chunk come back as one text, a row per line ({@code group_concat}): sqlite-jdbc
     * crosses into native code and takes the connection's lock for every step and every column, which for
     * a million rows of ~200 bytes cost more than SQLite's own work. Rows must come in customer order;
     * should they not (SQLite does not promise the order of an aggregate), the chunk is read live, as for
     * a changed customer.
     *
     * @param sql    yields the packed rows as a column named {@code planned_row}, in customer order
     * @param extras how many extra values the rows were packed with, handed to {@code extra} in that order
     * @return empty when a member has no packed row (its customer changed since) or the rows came out of
     *         order: then read them live
     */
    public <T> Optional<List<Packed<T>>> packed(String sql, List<Object> params, int extras, ExtraColumns<T> extra) {
        // no row when a member's packed row is gone
        String together = "SELECT count(*), group_concat(planned_row, char(10)) FROM (" + sql + ")"
                + " HAVING count(*) = count(planned_row)";
        memoryMapped();
        int n = FIELDS.length + extras + 1;
        String group = hasGroup ? groupName : null;
        List<PackedCustomer> customers = new ArrayList<>(4096);
        boolean complete = Boolean.TRUE.equals(jdbc.query(together, rs -> {
            if (!rs.next()) {
                return false;
            }
            long expected = rs.getLong(1);
            byte[] rows = rs.getBytes(2); // the text's UTF-8 as it is stored: see JsonRow.starts
            for (int from = 0; rows != null && from < rows.length; ) {
                int[] at = JsonRow.startsOfLine(rows, from, n);
                customers.add(new PackedCustomer(rows, at, n, group));
                from = at[n] + 1;
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
        Map<Long, Map<String, Boolean>> consents = consents(ids);
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
                    consents.isEmpty() ? Map.of() : consents.getOrDefault(ids.get(i), Map.of())));
        }
        return Optional.of(out);
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
        List<Row> rows = jdbc.query(COLUMNS + " FROM customers c LEFT JOIN customer_snapshot s ON s.customer_id = c.id"
                + " AND s.snapshot_id = ? WHERE c.id IN (" + marks + ") ORDER BY c.id", (rs, n) -> row(rs), params.toArray());
        List<Candidate> out = new ArrayList<>();
        emit(rows, snapshot == null ? LocalDate.now() : snapshot.asOf(), lastOrders, lastOrders > 0 ? lifespans() : Map.of(), out::add);
        return out;
    }

    private static String where(Request r, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE s.snapshot_id = ? AND c.erased_at IS NULL");
        params.add(r.snapshot().id());
        CandidateFilter f = r.filter();
        if (!f.stages().isEmpty()) {
            in(w, "s.stage", f.stages().stream().map(Stage::code).sorted().toList(), params);
        }
        if (!f.segments().isEmpty()) {
            in(w, "s.segment", f.segments().stream().map(RfmSegment::code).sorted().toList(), params);
        }
        if (f.minRecencyDays() != null) {
            w.append(" AND s.recency_days >= ?");
            params.add(f.minRecencyDays());
        }
        if (f.maxRecencyDays() != null) {
            w.append(" AND s.recency_days <= ?");
            params.add(f.maxRecencyDays());
        }
        LocalDate asOf = r.snapshot().asOf();
        if (f.maxDaysSinceFirstOrder() != null) {
            w.append(" AND s.first_order_at >= ?");
            params.add(asOf.minusDays(f.maxDaysSinceFirstOrder()).toString());
        }
        if (f.minDaysSinceFirstOrder() != null) {
            w.append(" AND s.first_order_at < ?");
            params.add(asOf.minusDays(f.minDaysSinceFirstOrder()).plusDays(1).toString());
        }
        if (!f.birthdays().isEmpty()) {
            // birthdays are 'YYYY-MM-DD' or '--MM-DD': the month and day are always the last five characters
            w.append(" AND (").append(f.birthdays().stream().map(b -> "c.birthday LIKE ?").collect(Collectors.joining(" OR "))).append(')');
            f.birthdays().stream().sorted().forEach(b -> params.add(String.format("%%-%02d-%02d", b.getMonthValue(), b.getDayOfMonth())));
        }
        if (!f.mainCategories().isEmpty()) {
            in(w, "s.main_category", f.mainCategories().stream().sorted().toList(), params);
        }
        if (f.minFrequency() > 0) {
            w.append(" AND s.frequency >= ?");
            params.add(f.minFrequency());
        }
        if (r.restriction() != null) {
            w.append(" AND (").append(r.restriction().sql()).append(')');
            params.addAll(r.restriction().params());
        }
        return w.toString();
    }

    private static void in(StringBuilder w, String column, List<String> values, List<Object> params) {
        w.append(" AND ").append(column).append(" IN (").append(values.stream().map(v -> "?").collect(Collectors.joining(","))).append(')');
        params.addAll(values);
    }

    /** A raw row, before consents and orders of its chunk are known. */
    private record Row(long id, String buyerId, String name, String mobile, String mobileNote, String email, String wechat,
            String birthday, String gender, String city, String level, int points, String stage, String segment,
            Integer recency, int frequency, double monetary, Integer r, Integer f, Integer m, String mainCategory,
            String firstOrder, String lastOrder) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return row(JsonRow.parse(rs.getString(1), FIELDS.length), rs.getDouble(2)); // a NULL amount reads 0, as before
    }

    private static Row row(String[] f, double monetary) {
        return new Row(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10],
                f[11] == null ? 0 : Integer.parseInt(f[11]), f[12], f[13], integer(f[14]), f[15] == null ? 0 : Integer.parseInt(f[15]),
                monetary, integer(f[16]), integer(f[17]), integer(f[18]), f[19], f[20], f[21]);
    }

    private static Integer integer(String s) {
        return s == null ? null : Integer.valueOf(s);
    }

    private void emit(List<Row> rows, LocalDate asOf, int lastOrders, Map<String, Integer> lifespans, Consumer<Candidate> sink) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.id);
        }
        Map<Long, Map<String, Boolean>> consents = consents(ids);
        Map<Long, List<PastOrder>> orders = lastOrders > 0 ? orders(ids, asOf, lastOrders, lifespans) : Map.of();
        Map<Long, Map<ContactKind, String>> others = otherContacts.of(ids);
        for (Row row : rows) {
            Map<ContactKind, String> addresses = addresses(row);
            Map<ContactKind, String> more = others.get(row.id);
            if (more != null) {
                addresses = new HashMap<>(addresses);
                addresses.putAll(more);
            }
            CustomerView view = new CustomerView(row.id, row.buyerId, row.name, row.gender, monthDay(row.birthday),
                    birthYear(row.birthday), row.city, row.level, row.points,
                    contacts(addresses.keySet()),
                    row.stage == null ? Stage.NONE : Stage.fromCode(row.stage),
                    row.segment == null ? null : RfmSegment.fromCode(row.segment), row.recency, row.frequency, row.monetary,
                    row.r, row.f, row.m, row.mainCategory, date(row.firstOrder), date(row.lastOrder),
                    orders.getOrDefault(row.id, List.of()), null);
            sink.accept(new Candidate(view, new Recipient(row.id, row.buyerId, addresses,
                    consents.getOrDefault(row.id, Map.of()))));
        }
    }

    /** The kinds every host knows, in the order of {@link #CONTACT_SETS}' bits. */
    private static final List<ContactKind> KNOWN = ContactKind.known();

    /**
     * Every set of the known contact kinds, built once: CustomerView keeps an immutable set as it is instead
     * of copying it. A customer with an address of another kind (customer_contacts) gets a set of their own.
     */
    private static final java.util.Set<ContactKind>[] CONTACT_SETS = contactSets();

    @SuppressWarnings("unchecked")
    private static java.util.Set<ContactKind>[] contactSets() {
        java.util.Set<ContactKind>[] sets = new java.util.Set[1 << KNOWN.size()];
        for (int mask = 0; mask < sets.length; mask++) {
            List<ContactKind> s = new ArrayList<>();
            for (int k = 0; k < KNOWN.size(); k++) {
                if ((mask & (1 << k)) != 0) s.add(KNOWN.get(k));
            }
            sets[mask] = java.util.Set.copyOf(s);
        }
        return sets;
    }

    private static java.util.Set<ContactKind> contacts(java.util.Set<ContactKind> kinds) {
        int mask = 0;
        for (ContactKind k : kinds) {
            int bit = KNOWN.indexOf(k);
            if (bit < 0) return java.util.Set.copyOf(kinds);
            mask |= 1 << bit;
        }
        return CONTACT_SETS[mask];
    }

    /** The addresses of the kinds with a customers column (and the shop's group), as a live read finds them. */
    private Map<ContactKind, String> addresses(Row row) {
        Map<ContactKind, String> a = new HashMap<>(8);
        String mobile = mobileAddress(row.mobile, row.mobileNote);
        if (mobile != null) a.put(ContactKind.MOBILE, mobile);
        String email = emailAddress(row.email);
        if (email != null) a.put(ContactKind.EMAIL, email);
        String wechat = wechatAddress(row.wechat);
        if (wechat != null) a.put(ContactKind.WECHAT, wechat);
        if (hasGroup) a.put(ContactKind.GROUP, groupName);
        return a;
    }

    static String mobileAddress(String mobile, String note) {
        return usableMobile(mobile, note) ? mobile.strip() : null;
    }

    static String emailAddress(String email) {
        return email != null && email.indexOf('@') > 0 ? email.strip() : null;
    }

    static String wechatAddress(String wechat) {
        return wechat != null && !wechat.isBlank() ? wechat.strip() : null;
    }

    /** Masked (138****1234) and virtual (platform relay) numbers cannot receive an SMS from the shop. */
    static boolean usableMobile(String mobile, String note) {
        if (mobile == null || note != null || mobile.indexOf('*') >= 0) return false;
        int digits = 0;
        for (int i = 0; i < mobile.length(); i++) {
            if (Character.isDigit(mobile.charAt(i))) digits++;
        }
        return digits >= 11;
    }

    private Map<Long, Map<String, Boolean>> consents(List<Long> ids) {
        Map<Long, Map<String, Boolean>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        if (last - first < 4L * ids.size()) {
            // dense ids (a chunk of a big audience): one range scan beats looking up an id list
            java.util.Set<Long> wanted = new java.util.HashSet<>(ids);
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

    private Map<Long, List<PastOrder>> orders(List<Long> ids, LocalDate asOf, int n, Map<String, Integer> lifespans) {
        Map<Long, List<PastOrder>> out = new LinkedHashMap<>();
        String marks = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        List<Object> params = new ArrayList<>(ids);
        params.add(asOf.plusDays(1).toString());
        params.add(n);
        jdbc.query("""
                SELECT customer_id, order_no, created_at, amount, category, item_count,
                       (SELECT min(p.lifespan_days) FROM order_items oi JOIN products p
                          ON p.product_id = oi.item_id OR oi.item_id IS NULL AND p.title = oi.title
                        WHERE oi.order_id = latest.id AND p.lifespan_days > 0) AS lifespan FROM (
                  SELECT o.id, o.customer_id, o.order_no, o.created_at, o.amount, o.category, o.item_count,
                         ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.created_at DESC, o.id DESC) AS rn
                  FROM orders o
                  WHERE o.customer_id IN (%s) AND o.status IN %s AND o.created_at < ?) latest
                WHERE rn <= ? ORDER BY customer_id, rn""".formatted(marks, CustomerStats.PURCHASE_STATUSES), rs -> {
            String category = rs.getString(5);
            // the products bought on the order say how long it lasts; else the shortest lifespan of its category
            int days = rs.getInt(7);
            Integer lifespan = rs.wasNull() ? category == null ? null : lifespans.get(category) : Integer.valueOf(days);
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(n)).add(new PastOrder(rs.getString(2),
                    timestamp(rs.getString(3)), rs.getDouble(4), category, rs.getInt(6), lifespan));
        }, params.toArray());
        return out;
    }

    /** How long one purchase of a category lasts: the shortest lifespan among its products (remind early, not late). */
    public Map<String, Integer> lifespans() {
        Map<String, Integer> m = new HashMap<>();
        jdbc.query("SELECT category, min(lifespan_days) FROM products WHERE category IS NOT NULL AND lifespan_days > 0"
                + " GROUP BY category", rs -> {
            m.put(rs.getString(1), rs.getInt(2));
        });
        return Collections.unmodifiableMap(m);
    }

    static MonthDay monthDay(String birthday) {
        if (birthday == null || birthday.length() < 5) return null;
        try {
            return MonthDay.parse("--" + birthday.substring(birthday.length() - 5));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Integer birthYear(String birthday) {
        if (birthday == null || birthday.length() < 10 || birthday.startsWith("--")) return null;
        try {
            return Integer.parseInt(birthday.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Dates already made, by year (1900–2155), month and day: a million customers share a few thousand order dates. */
    private static final LocalDate[] DATES = new LocalDate[256 * 12 * 31];

    /** 'YYYY-MM-DD…' without a formatter: this runs once per customer per date on million-row reads. */
    static LocalDate date(String s) {
        if (s == null || s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = Integer.parseInt(s, 0, 4, 10);
        int m = Integer.parseInt(s, 5, 7, 10);
        int d = Integer.parseInt(s, 8, 10, 10);
        if (y < 1900 || y > 2155 || m < 1 || m > 12 || d < 1 || d > 31) {
            return LocalDate.of(y, m, d); // valid or not, as before: LocalDate decides
        }
        int key = ((y - 1900) * 12 + m - 1) * 31 + d - 1;
        LocalDate known = DATES[key];
        if (known == null) {
            known = LocalDate.of(y, m, d); // immutable: sharing it between threads needs no lock
            DATES[key] = known;
        }
        return known;
    }

    private static LocalDateTime timestamp(String s) {
        return s.length() >= 19 ? LocalDateTime.parse(s.substring(0, 19), TS) : LocalDate.parse(s.substring(0, 10)).atStartOfDay();
    }
}
