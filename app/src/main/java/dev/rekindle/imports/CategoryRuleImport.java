package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.CsvRows;
import dev.rekindle.imports.source.Field;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.source.TextFile;
import dev.rekindle.products.Categorizer;
import dev.rekindle.console.Progress;
import dev.rekindle.shop.ShopProfile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;

/**
 * {@code products rules FILE}: keyword or item-code rules that give a category to goods the product list
 * does not name (a shop whose order report has titles but no category column). The file is the whole rule
 * set, first matching rule first; importing it replaces the stored rules and re-categorises the orders.
 */
@Service
class CategoryRuleImport {

    static final Field KEYWORD = Field.of("keyword", "a word of the item's title", "keyword", "关键词", "关键字",
            "title_contains", "标题包含", "contains");
    static final Field ITEM_ID = Field.of("item_id", "an item code (商家编码, 商品ID)", "item_id", "商家编码", "商品编码",
            "商品id", "宝贝id", "sku", "product_id");
    static final Field CATEGORY = Field.of("category", "the category it gives", "category", "类目", "品类", "分类");

    record Rule(String kind, String pattern, String category, Row row) {
        boolean sameAs(Rule o) {
            return kind.equals(o.kind) && pattern.equals(o.pattern) && category.equals(o.category);
        }
    }

    private final ImportTransactions transactions;
    private final ImportLog log;
    private final ShopProfile shop;

    CategoryRuleImport(ImportTransactions transactions, ImportLog log, ShopProfile shop) {
        this.transactions = transactions;
        this.log = log;
        this.shop = shop;
    }

    ImportSummary run(ImportOptions o, LongFunction<Progress> progress) {
        ImportRun run = new ImportRun("rules", o, shop, log, progress);
        return run.execute(() -> {
            TextFile file = TextFile.open(o.file(), o.encoding());
            try (CsvRows source = CsvRows.open(file)) {
                Columns columns = Columns.resolve(file.fileName(), source.header(), List.of(KEYWORD, ITEM_ID, CATEGORY),
                        Set.of("category"), o.map());
                if (!columns.has("keyword") && !columns.has("item_id")) {
                    throw new dev.rekindle.console.UserException(Tr.f("%s: no column for a keyword (关键词) nor for an item code "
                            + "(商家编码). Name one with --map keyword=COLUMN or --map item_id=COLUMN.", file.fileName()));
                }
                run.summary.format = "rules";
                run.summary.source = source.describe();
                run.summary.mapping = columns.describe();
                Cells cells = new Cells(columns);
                Pipeline.Parser<Rule> parser = row -> {
                    cells.on(row);
                    String category = cells.required("category", "the category the rule gives");
                    String keyword = cells.optional("keyword");
                    String item = cells.optional("item_id");
                    if ((keyword == null) == (item == null)) {
                        String key = columns.has("keyword") ? "keyword" : "item_id";
                        throw cells.bad(key, cells.text(key), keyword == null ? Tr.t("is empty: the rule matches nothing")
                                : Tr.t("is given together with an item code: a rule matches one or the other"),
                                Tr.t("Write either a keyword of the title or an item code on each line"));
                    }
                    return new Rule(item != null ? "item" : "keyword", item != null ? item : keyword, category, row);
                };
                run.withBadRows(source.header(), bad -> transactions.run(con -> {
                    List<Rule> stored = new ArrayList<>();
                    try (Statement st = con.createStatement();
                            ResultSet rs = st.executeQuery("SELECT kind, pattern, category FROM category_rules ORDER BY position")) {
                        while (rs.next()) stored.add(new Rule(rs.getString(1), rs.getString(2), rs.getString(3), null));
                    }
                    List<Rule> rules = new ArrayList<>();
                    try (Pipeline<Rule> rows = new Pipeline<>(source, parser)) {
                        run.consume(rows, bad, source.estimatedRows(), rules::add, () -> { });
                    }
                    try (Statement st = con.createStatement()) {
                        st.executeUpdate("DELETE FROM category_rules");
                    }
                    try (PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO category_rules(position, kind, pattern, category) VALUES (?, ?, ?, ?)")) {
                        int position = 0;
                        for (Rule r : rules) {
                            ps.setInt(1, ++position);
                            ps.setString(2, r.kind());
                            ps.setString(3, r.pattern());
                            ps.setString(4, r.category());
                            ps.addBatch();
                            boolean same = position <= stored.size() && stored.get(position - 1).sameAs(r);
                            if (same) run.summary.unchanged++;
                            else if (position <= stored.size()) run.summary.updated++;
                            else run.summary.added++;
                        }
                        ps.executeBatch();
                    }
                    run.summary.removed = Math.max(0, stored.size() - rules.size());
                    run.summary.ordersCategorized = Categorizer.apply(con);
                    run.recordInTransaction();
                    return null;
                }));
            }
        });
    }
}
