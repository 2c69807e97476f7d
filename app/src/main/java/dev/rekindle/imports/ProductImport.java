package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.CsvRows;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.source.TextFile;
import dev.rekindle.imports.value.Amounts;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.products.Categorizer;
import dev.rekindle.console.Progress;
import dev.rekindle.shop.ShopProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;

/**
 * {@code products import}: the shop's products keyed by item code, the code order reports carry (商家编码 or
 * 商品ID). Empty cells keep what is stored; a re-import of the same file changes nothing. Orders whose goods
 * are listed then get their category from the products ({@link Categorizer}), in the same transaction.
 */
@Service
class ProductImport {

    private final ImportTransactions transactions;
    private final ImportLog log;
    private final ShopProfile shop;

    ProductImport(ImportTransactions transactions, ImportLog log, ShopProfile shop) {
        this.transactions = transactions;
        this.log = log;
        this.shop = shop;
    }

    record ProductRow(String itemId, String title, String category, Integer lifespanDays, String launchedOn, Row row) {
        ProductRow over(ProductRow s) {
            return new ProductRow(itemId, title != null ? title : s.title, category != null ? category : s.category,
                    lifespanDays != null ? lifespanDays : s.lifespanDays, launchedOn != null ? launchedOn : s.launchedOn, row);
        }

        boolean sameAs(ProductRow o) {
            return Objects.equals(title, o.title) && Objects.equals(category, o.category)
                    && Objects.equals(lifespanDays, o.lifespanDays) && Objects.equals(launchedOn, o.launchedOn);
        }
    }

    ImportSummary run(ImportOptions o, LongFunction<Progress> progress) {
        ImportRun run = new ImportRun("products", o, shop, log, progress);
        return run.execute(() -> {
            TextFile file = TextFile.open(o.file(), o.encoding());
            try (CsvRows source = CsvRows.open(file)) {
                Columns columns = Columns.resolve(file.fileName(), source.header(), ProductFields.ALL, Set.of("item_id"), o.map());
                run.summary.format = "products";
                run.summary.source = source.describe();
                run.summary.mapping = columns.describe();
                DateTimes dates = new DateTimes(shop.zone(), o.dateFormat());
                Cells cells = new Cells(columns);
                Pipeline.Parser<ProductRow> parser = row -> parse(cells, dates, row);
                String idColumn = columns.name(columns.index("item_id"));
                run.withBadRows(source.header(), bad -> transactions.run(con -> {
                    Set<String> seen = new HashSet<>();
                    try (Writer writer = new Writer(con, run.summary); Pipeline<ProductRow> rows = new Pipeline<>(source, parser)) {
                        run.consume(rows, bad, source.estimatedRows(), p -> {
                            if (!seen.add(p.itemId())) {
                                bad.add(new BadCell(p.row().line(), idColumn, p.itemId(),
                                        Tr.t("appears again: this product is on an earlier line too"),
                                        Tr.t("List each product once; merge the two rows")), p.row().fields());
                                return;
                            }
                            writer.write(p);
                        }, () -> { });
                    }
                    run.summary.ordersCategorized = Categorizer.apply(con);
                    run.recordInTransaction();
                    return null;
                }));
            }
        });
    }

    private static ProductRow parse(Cells cells, DateTimes dates, Row row) {
        cells.on(row);
        String id = cells.required("item_id", "the item's code");
        Integer lifespan = cells.text("lifespan_days").isEmpty() ? null : cells.parse("lifespan_days", Amounts::count);
        if (lifespan != null && lifespan <= 0) {
            throw cells.bad("lifespan_days", cells.text("lifespan_days"), Tr.t("is not a number of days above 0"),
                    Tr.t("Write how many days one purchase lasts, e.g. 30, or leave it empty"));
        }
        String launched = cells.text("launched_on").isEmpty() ? null : cells.parse("launched_on", dates::dateTime);
        return new ProductRow(id, cells.optional("title"), cells.optional("category"), lifespan,
                launched == null ? null : launched.substring(0, 10), row);
    }

    /** Inserts new products, updates changed ones, counts. Product lists are small: a statement a row. */
    private static final class Writer implements AutoCloseable {
        private final PreparedStatement find;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final ImportSummary summary;

        Writer(Connection con, ImportSummary summary) throws SQLException {
            this.summary = summary;
            find = con.prepareStatement("SELECT title, category, lifespan_days, launched_on FROM products WHERE product_id = ?");
            insert = con.prepareStatement(
                    "INSERT INTO products(product_id, title, category, lifespan_days, launched_on) VALUES (?, ?, ?, ?, ?)");
            update = con.prepareStatement(
                    "UPDATE products SET title = ?, category = ?, lifespan_days = ?, launched_on = ? WHERE product_id = ?");
        }

        void write(ProductRow p) throws SQLException {
            find.setString(1, p.itemId());
            ProductRow stored = null;
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    int days = rs.getInt(3);
                    stored = new ProductRow(p.itemId(), rs.getString(1), rs.getString(2), rs.wasNull() ? null : days,
                            rs.getString(4), null);
                }
            }
            if (stored == null) {
                Object[] values = {p.itemId(), p.title() == null ? p.itemId() : p.title(), p.category(), p.lifespanDays(),
                        p.launchedOn()};
                for (int i = 0; i < values.length; i++) insert.setObject(i + 1, values[i]);
                insert.executeUpdate();
                summary.added++;
                return;
            }
            ProductRow after = p.over(stored);
            if (after.sameAs(stored)) {
                summary.unchanged++;
                return;
            }
            Object[] values = {after.title(), after.category(), after.lifespanDays(), after.launchedOn(), p.itemId()};
            for (int i = 0; i < values.length; i++) update.setObject(i + 1, values[i]);
            update.executeUpdate();
            summary.updated++;
        }

        @Override
        public void close() throws SQLException {
            find.close();
            insert.close();
            update.close();
        }
    }
}
