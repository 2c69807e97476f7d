package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import de.siegmar.fastcsv.reader.CsvReader;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.RowSource;
import dev.rekindle.imports.value.Amounts;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.imports.value.OrderStatuses;
import dev.rekindle.store.CustomerStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Line items and Tmall sub-orders: several rows per order, not necessarily next to each other. The lines
 * are staged in a temporary table, then summed per order in SQL (amount = the lines that count, the main
 * category = the biggest line's) and written like any other orders; return lines are summed per return
 * document into {@code returns}. An order whose lines name different customers is a bad row.
 */
@Component
class LineItemImport {

    private static final String STAGE = """
            CREATE TEMP TABLE import_lines (
              line INTEGER NOT NULL, order_no TEXT NOT NULL, buyer_id TEXT NOT NULL, created_at TEXT NOT NULL,
              paid_at TEXT, status TEXT NOT NULL, quantity REAL NOT NULL, amount REAL NOT NULL, category TEXT,
              is_return INTEGER NOT NULL, counted INTEGER NOT NULL, name TEXT, mobile TEXT, mobile_note TEXT,
              city TEXT, province TEXT, address TEXT, item_id TEXT, title TEXT, raw TEXT NOT NULL)""";
    private static final String INSERT = """
            INSERT INTO import_lines(line, order_no, buyer_id, created_at, paid_at, status, quantity, amount, category,
                                     is_return, counted, name, mobile, mobile_note, city, province, address, item_id,
                                     title, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    // Portable SQL with window functions: per order, the lines that count give amount and items; the
    // biggest line gives the category, the first line the buyer's details; the best line status wins.
    private static final String ORDERS = """
            WITH l AS (
              SELECT *, row_number() OVER (PARTITION BY order_no ORDER BY amount DESC, line) AS by_amount,
                        row_number() OVER (PARTITION BY order_no ORDER BY line) AS by_line,
                        CASE status WHEN 'completed' THEN 5 WHEN 'paid' THEN 4 WHEN 'unpaid' THEN 3
                                    WHEN 'refunded' THEN 2 ELSE 1 END AS rank
              FROM import_lines WHERE is_return = 0)
            SELECT order_no, min(buyer_id), max(buyer_id), min(created_at), min(paid_at), max(rank),
                   sum(CASE WHEN counted = 1 THEN amount ELSE 0 END), sum(amount),
                   sum(CASE WHEN counted = 1 THEN quantity ELSE 0 END), sum(quantity), max(counted),
                   max(CASE WHEN by_amount = 1 THEN category END),
                   max(CASE WHEN by_line = 1 THEN name END), max(CASE WHEN by_line = 1 THEN mobile END),
                   max(CASE WHEN by_line = 1 THEN mobile_note END), max(CASE WHEN by_line = 1 THEN city END),
                   min(line), max(CASE WHEN by_line = 1 THEN province END), max(CASE WHEN by_line = 1 THEN address END),
                   max(CASE WHEN item_id IS NOT NULL OR title IS NOT NULL THEN 1 ELSE 0 END)
            FROM l GROUP BY order_no ORDER BY min(line)""";
    private static final String RETURNS = """
            SELECT r.order_no, min(r.buyer_id), max(r.buyer_id), min(r.created_at), sum(r.amount), sum(r.quantity),
                   min(r.line), max(CASE WHEN EXISTS (SELECT 1 FROM import_lines o WHERE o.order_no = r.order_no
                                                      AND o.is_return = 0) THEN 1 ELSE 0 END)
            FROM import_lines r WHERE r.is_return = 1 GROUP BY r.order_no ORDER BY min(r.line)""";
    private static final String[] RANKED = {null, OrderStatuses.CLOSED, OrderStatuses.REFUNDED, OrderStatuses.UNPAID,
            OrderStatuses.PAID, OrderStatuses.COMPLETED};

    private final ImportTransactions transactions;
    private final CustomerStats stats;
    private final int cacheMb;

    LineItemImport(ImportTransactions transactions, CustomerStats stats, ImportProperties settings) {
        this.transactions = transactions;
        this.stats = stats;
        this.cacheMb = settings.cacheMegabytes();
    }

    void run(ImportRun run, RowSource source, String format, DateTimes dates) {
        boolean tmall = format.equals("tmall");
        Set<String> required = tmall ? Set.of("sub_order_id", "order_id", "customer_id", "time")
                : Set.of("order_id", "customer_id", "time", "quantity", "unit_price");
        Columns columns = Columns.resolve(run.file().getFileName().toString(), source.header(),
                tmall ? OrderFields.TMALL : OrderFields.LINES, required, run.options().map());
        if (tmall && !columns.has("line_amount") && !columns.has("unit_price")) {
            throw new dev.rekindle.console.UserException(run.file().getFileName() + ": no column for what was paid per "
                    + "sub-order (买家实付金额) nor for the price (商品价格). Name one with --map line_amount=COLUMN.");
        }
        run.summary.mapping = columns.describe();
        LineParser parser = new LineParser(columns, dates, tmall);
        run.withBadRows(source.header(), bad -> transactions.run(con -> {
            BulkLoad bulk = BulkLoad.begin(con, cacheMb);
            try {
                stage(con, run, bad, source, parser);
                CustomerIds ids = CustomerIds.open(con, false);
                PurchaseTally tally = new PurchaseTally();
                Set<String> badOrders = new java.util.HashSet<>();
                long lastOrderId = OrderImport.maxId(con, "orders");
                try (OrderWriter writer = new OrderWriter(con, OrderShape.full(bulk.sqlite()), ids, tally, run.summary, lastOrderId, row -> {
                    throw new IllegalStateException("order " + row.orderNo() + " summed twice");
                })) {
                    writeOrders(con, writer, bad, badOrders, columns);
                    writer.flush();
                }
                if (columns.has("item_id") || columns.has("product")) {
                    writeItems(con);
                }
                writeReturns(con, ids, tally, run.summary, bad, badOrders, columns);
                if (bad.refusing()) {
                    throw bad.refusal(Tr.t("rows"), true);
                }
                run.summary.rejected = bad.count();
                run.summary.rejectFile = bad.count() > 0 ? bad.target() : null;
                tally.write(con, stats, ids);
                dev.rekindle.products.Categorizer.apply(con);
                try (Statement st = con.createStatement()) {
                    st.execute("DROP TABLE temp.import_lines");
                }
                run.recordInTransaction();
                return null;
            } finally {
                bulk.end();
            }
        }));
    }

    private void stage(Connection con, ImportRun run, BadRows bad, RowSource source, LineParser parser)
            throws SQLException {
        try (Statement st = con.createStatement()) {
            st.execute("DROP TABLE IF EXISTS temp.import_lines");
            st.execute(STAGE);
        }
        try (PreparedStatement ps = con.prepareStatement(INSERT); Pipeline<LineParser.Line> rows = new Pipeline<>(source, parser)) {
            int[] batched = {0};
            run.consume(rows, bad, source.estimatedRows(), run.unlessForgotten(LineParser.Line::buyerId,
                    run.flaggingFutureDates(LineParser.Line::createdAt, LineParser.Line::line, l -> {
                int k = 1;
                ps.setLong(k++, l.line());
                ps.setString(k++, l.orderNo());
                ps.setString(k++, l.buyerId());
                ps.setString(k++, l.createdAt());
                ps.setString(k++, l.paidAt());
                ps.setString(k++, l.status());
                ps.setDouble(k++, l.quantity());
                ps.setDouble(k++, l.amount());
                ps.setString(k++, l.category());
                ps.setInt(k++, l.isReturn() ? 1 : 0);
                ps.setInt(k++, l.counted() ? 1 : 0);
                ps.setString(k++, l.name());
                ps.setString(k++, l.mobile());
                ps.setString(k++, l.mobileNote());
                ps.setString(k++, l.city());
                ps.setString(k++, l.province());
                ps.setString(k++, l.address());
                ps.setString(k++, l.itemId());
                ps.setString(k++, l.title());
                // the row as read is only needed for the reject file
                ps.setString(k, run.options().skipBad() ? csv(l.raw()) : "");
                ps.addBatch();
                if (++batched[0] % 5000 == 0) ps.executeBatch();
            })), ps::executeBatch);
        }
        try (Statement st = con.createStatement()) {
            st.execute("CREATE INDEX temp.import_lines_by_order ON import_lines(order_no, is_return)");
        }
    }

    private void writeOrders(Connection con, OrderWriter writer, BadRows bad, Set<String> badOrders, Columns columns)
            throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(ORDERS)) {
            while (rs.next()) {
                String orderNo = rs.getString(1);
                if (!rs.getString(2).equals(rs.getString(3))) {
                    badOrders.add(orderNo);
                    continue;
                }
                boolean counted = rs.getInt(11) == 1;
                double amount = counted ? rs.getDouble(7) : rs.getDouble(8);
                double items = counted ? rs.getDouble(9) : rs.getDouble(10);
                String name = rs.getString(13);
                String mobile = rs.getString(14);
                String city = rs.getString(16);
                OrderRow.Profile profile = new OrderRow.Profile(name, mobile, rs.getString(15), rs.getString(18), city,
                        rs.getString(19));
                // the lines themselves go to order_items in one statement below; an empty list marks the order as
                // having them, so that its category is the categorizer's (see OrderWriter)
                writer.add(new OrderRow(orderNo, rs.getString(2), rs.getString(4), rs.getString(5),
                        Amounts.cents(amount), RANKED[rs.getInt(6)], (int) Math.round(items), rs.getString(12),
                        profile.isEmpty() ? null : profile, rs.getInt(20) == 1 ? List.of() : null, null));
            }
        }
        rejectMixedCustomers(con, bad, badOrders, columns, 0);
    }

    /**
     * The goods of the orders just written, a row per line in file order (returns are not goods bought).
     * Rewritten on every import of the order: the same file gives the same rows, and order_items counts in no
     * summary. Lines of an order whose stored buyer is someone else (a rejected row) are left out.
     */
    private static void writeItems(Connection con) throws SQLException {
        try (Statement st = con.createStatement()) {
            st.executeUpdate("""
                    DELETE FROM order_items WHERE order_id IN (
                      SELECT o.id FROM orders o WHERE o.order_no IN (SELECT order_no FROM import_lines WHERE is_return = 0))""");
            st.executeUpdate("""
                    INSERT INTO order_items(order_id, line, item_id, title, quantity, amount, category)
                    SELECT o.id, row_number() OVER (PARTITION BY o.id ORDER BY l.line), l.item_id, l.title,
                           CAST(round(l.quantity) AS INTEGER), round(l.amount, 2), l.category
                    FROM import_lines l JOIN orders o ON o.order_no = l.order_no
                         JOIN customers c ON c.id = o.customer_id AND c.buyer_id = l.buyer_id
                    WHERE l.is_return = 0 AND (l.item_id IS NOT NULL OR l.title IS NOT NULL)""");
        }
    }

    /** Every line of an order that names two customers is bad: which one bought is unknowable. */
    private void rejectMixedCustomers(Connection con, BadRows bad, Set<String> orders, Columns columns, int isReturn)
            throws SQLException {
        if (orders.isEmpty()) {
            return;
        }
        String column = columns.name(columns.index("customer_id"));
        try (PreparedStatement ps = con.prepareStatement(
                "SELECT line, buyer_id, raw FROM import_lines WHERE order_no = ? AND is_return = ? ORDER BY line")) {
            for (String order : orders) {
                ps.setString(1, order);
                ps.setInt(2, isReturn);
                List<long[]> lines = new ArrayList<>();
                List<String[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new long[] {rs.getLong(1)});
                        rows.add(new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
                String first = rows.get(0)[0];
                int other = 0;
                while (other < rows.size() && rows.get(other)[0].equals(first)) other++;
                String problem = Tr.f("differs within order %s: '%s' on line %s, '%s' on line %s", order, first, lines.get(0)[0],
                        rows.get(other)[0], lines.get(other)[0]);
                for (int i = 0; i < rows.size(); i++) {
                    bad.add(new BadCell(lines.get(i)[0], column, rows.get(i)[0], problem,
                            Tr.t("All lines of one order must name the same customer; correct the customer id or the order number")),
                            parseCsv(rows.get(i)[1]));
                }
            }
        }
        orders.clear();
    }

    private void writeReturns(Connection con, CustomerIds ids, PurchaseTally tally, ImportSummary summary, BadRows bad,
            Set<String> badOrders, Columns columns) throws SQLException {
        List<Object[]> returns = new ArrayList<>();
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery(RETURNS)) {
            while (rs.next()) {
                if (!rs.getString(2).equals(rs.getString(3))) {
                    badOrders.add(rs.getString(1));
                    continue;
                }
                returns.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(4), Amounts.cents(rs.getDouble(5)),
                        (int) Math.round(rs.getDouble(6)), rs.getInt(8) == 1 ? rs.getString(1) : null});
            }
        }
        rejectMixedCustomers(con, bad, badOrders, columns, 1);
        if (returns.isEmpty()) {
            return;
        }
        ReturnWriter writer = new ReturnWriter(con, ids, tally, summary);
        for (Object[] r : returns) {
            writer.write((String) r[0], (String) r[1], (String) r[2], (double) r[3], (int) r[4], (String) r[5]);
        }
    }

    /** One CSV line, for keeping a row as read until it may go to the reject file. */
    static String csv(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) sb.append(',');
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.toString();
    }

    static List<String> parseCsv(String line) {
        if (line.isEmpty()) {
            return List.of(); // not kept: the import is refused, nothing goes to a reject file
        }
        return CsvReader.builder().ofSingleCsvRecord(line).getFields();
    }
}
