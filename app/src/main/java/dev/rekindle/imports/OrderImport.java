package dev.rekindle.imports;

import dev.rekindle.customer.ForgottenBuyers;
import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.CsvRows;
import dev.rekindle.imports.source.Field;
import dev.rekindle.imports.source.RowSource;
import dev.rekindle.imports.source.TextFile;
import dev.rekindle.imports.source.WhitespaceRows;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UsageException;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.store.CustomerStats;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;

/**
 * {@code orders import}: finds the file's format, then streams it into the store in one transaction.
 * One-row-per-order files (generic, Taobao's order report, CDNOW) go straight to the {@link OrderWriter};
 * line items and Tmall sub-orders are gathered per order first ({@link LineItemImport}).
 */
@Service
class OrderImport {

    private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(OrderImport.class);

    static final Set<String> FORMATS = Set.of("auto", "taobao", "tmall", "generic", "lines", "cdnow");

    /** Below this many rows a file is "small": customers are looked up as needed instead of loaded at once. */
    private static final long PRELOAD_ROWS = 20_000;

    private final ImportTransactions transactions;
    private final CustomerStats stats;
    private final ImportLog log;
    private final ShopProfile shop;
    private final LineItemImport lineItems;
    private final int cacheMb;

    private final ForgottenBuyers forgotten;

    OrderImport(ImportTransactions transactions, CustomerStats stats, ImportLog log, ShopProfile shop,
            LineItemImport lineItems, ForgottenBuyers forgotten, ImportProperties settings) {
        this.forgotten = forgotten;
        this.transactions = transactions;
        this.stats = stats;
        this.log = log;
        this.shop = shop;
        this.lineItems = lineItems;
        this.cacheMb = settings.cacheMegabytes();
    }

    ImportSummary run(ImportOptions o, LongFunction<Progress> progress) {
        String requested = o.format() == null ? "auto" : o.format().strip().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(requested)) {
            throw new UsageException(Tr.f("--format must be auto, taobao, tmall, generic, lines or cdnow, got '%s'", o.format()));
        }
        ImportRun run = new ImportRun("orders", o, shop, log, progress);
        run.forgetting(forgotten.load());
        return run.execute(() -> {
            TextFile file = TextFile.open(o.file(), o.encoding());
            boolean spaces = requested.equals("cdnow") || requested.equals("auto") && WhitespaceRows.looksSpaceSeparated(file);
            RowSource source = spaces ? WhitespaceRows.open(file, true) : CsvRows.open(file);
            try (source) {
                String format = spaces ? "cdnow" : detect(requested, source.header(), o);
                run.summary.format = format;
                run.summary.source = source.describe();
                DateTimes dates = new DateTimes(shop.zone(), o.dateFormat());
                if (format.equals("lines") || format.equals("tmall")) {
                    lineItems.run(run, source, format, dates);
                } else {
                    direct(run, source, format, dates);
                }
            }
        });
    }

    /** The format named by the header (Tmall's 子订单编号, Taobao's 订单编号 + 买家会员名, quantity + price …). */
    static String detect(String requested, List<String> header, ImportOptions o) {
        Set<String> names = new java.util.HashSet<>();
        header.forEach(h -> names.add(Columns.normalize(h)));
        boolean tmall = names.contains("子订单编号") || names.contains("子订单号");
        if (requested.equals("taobao") || requested.equals("tmall")) {
            return tmall ? "tmall" : requested.equals("tmall") ? "tmall" : "taobao";
        }
        if (!requested.equals("auto")) {
            return requested;
        }
        if (tmall) return "tmall";
        if (names.contains("订单编号") && names.contains("买家会员名")) return "taobao";
        boolean mapsLines = o.map().containsKey("quantity") || o.map().containsKey("unit_price");
        boolean mapsAmount = o.map().containsKey("amount");
        if (mapsLines && !mapsAmount) return "lines";
        if (!mapsAmount && hasAny(names, OrderFields.UNIT_PRICE) && hasAny(names, OrderFields.QUANTITY)
                && !hasAny(names, OrderFields.AMOUNT)) {
            return "lines";
        }
        return "generic";
    }

    private static boolean hasAny(Set<String> names, Field f) {
        return f.synonyms().stream().anyMatch(s -> names.contains(Columns.normalize(s)));
    }

    private void direct(ImportRun run, RowSource source, String format, DateTimes dates) {
        boolean cdnow = format.equals("cdnow");
        Set<String> required = cdnow ? Set.of("customer_id", "time", "amount") : Set.of("order_id", "customer_id", "time", "amount");
        Columns columns = Columns.resolve(run.file().getFileName().toString(), source.header(), OrderFields.ORDERS,
                required, run.options().map());
        run.summary.mapping = columns.describe();
        OrderParser parser = new OrderParser(columns, dates, cdnow);
        long estimate = source.estimatedRows();
        run.withBadRows(source.header(), bad -> transactions.run(con -> {
            BulkLoad bulk = BulkLoad.begin(con, cacheMb);
            try {
                long lastOrderId = maxId(con, "orders");
                if (estimate > Math.max(50_000, 2 * lastOrderId)) {
                    bulk.dropIndexes("orders");
                }
                Phases phases = new Phases();
                CustomerIds ids = CustomerIds.open(con, estimate > PRELOAD_ROWS);
                phases.done("customers loaded");
                PurchaseTally tally = new PurchaseTally();
                String orderColumn = cdnow ? columns.name(columns.index("customer_id")) : columns.name(columns.index("order_id"));
                OrderShape shape = new OrderShape(columns.has("status"), columns.has("paid_time"), columns.has("item_count"),
                        columns.has("category"), columns.has("name") || columns.has("address") || columns.has("city"),
                        bulk.sqlite());
                try (OrderWriter writer = new OrderWriter(con, shape, ids, tally, run.summary, lastOrderId,
                        row -> bad.add(duplicate(row, orderColumn), row.row().fields()));
                        Pipeline<OrderRow> rows = new Pipeline<>(source, parser)) {
                    run.consume(rows, bad, estimate, run.unlessForgotten(OrderRow::buyerId,
                            run.flaggingFutureDates(OrderRow::createdAt, r -> r.row().line(), writer::add)), writer::flush);
                }
                phases.done("rows");
                bulk.restoreIndexes();
                phases.done("indexes");
                tally.write(con, stats, ids);
                phases.done("customer_stats");
                dev.rekindle.products.Categorizer.apply(con);
                phases.done("categories");
                logger.info("orders import phases: {}", phases);
                run.recordInTransaction();
                return null;
            } finally {
                bulk.end();
            }
        }));
    }

    /** Wall and CPU time of the import's steps, for the log (benchmarks read it). */
    static final class Phases {
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final StringBuilder text = new StringBuilder();
        private long wall = System.nanoTime();
        private long cpu = threads.getCurrentThreadCpuTime();

        void done(String phase) {
            long w = System.nanoTime();
            long c = threads.getCurrentThreadCpuTime();
            text.append(text.length() == 0 ? "" : ", ").append(phase).append(' ').append((w - wall) / 1_000_000)
                    .append(" ms (cpu ").append((c - cpu) / 1_000_000).append(')');
            wall = w;
            cpu = c;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    static BadCell duplicate(OrderRow row, String column) {
        return new BadCell(row.row().line(), column, row.orderNo(), Tr.t("appears again: this order number is on an earlier line too"),
                Tr.t("A file with one row per order lists each order once; if this is a line-item file (one row per "
                        + "product), use --format lines"));
    }

    static long maxId(Connection con, String table) throws SQLException {
        try (Statement st = con.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
