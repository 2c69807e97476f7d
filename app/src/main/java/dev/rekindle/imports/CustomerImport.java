package dev.rekindle.imports;

import dev.rekindle.customer.ForgottenBuyers;
import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.CsvRows;
import dev.rekindle.imports.source.TextFile;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UsageException;
import dev.rekindle.shop.ShopProfile;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;

/** {@code customers import}: profiles (name, contacts, birthday, level, points …) keyed by the buyer id. */
@Service
class CustomerImport {

    private final ImportTransactions transactions;
    private final ImportLog log;
    private final ShopProfile shop;
    private final int cacheMb;

    private final ForgottenBuyers forgotten;

    CustomerImport(ImportTransactions transactions, ImportLog log, ShopProfile shop, ForgottenBuyers forgotten,
            ImportProperties settings) {
        this.forgotten = forgotten;
        this.transactions = transactions;
        this.log = log;
        this.shop = shop;
        this.cacheMb = settings.cacheMegabytes();
    }

    ImportSummary run(ImportOptions o, LongFunction<Progress> progress) {
        String format = o.format() == null ? "auto" : o.format().strip().toLowerCase(Locale.ROOT);
        if (!Set.of("auto", "generic", "taobao").contains(format)) {
            throw new UsageException(Tr.f("--format must be auto, generic or taobao, got '%s'", o.format()));
        }
        ImportRun run = new ImportRun("customers", o, shop, log, progress);
        run.forgetting(forgotten.load());
        return run.execute(() -> {
            TextFile file = TextFile.open(o.file(), o.encoding());
            try (CsvRows source = CsvRows.open(file)) {
                Columns columns = Columns.resolve(file.fileName(), source.header(), CustomerFields.ALL,
                        Set.of("customer_id"), o.map());
                run.summary.format = format.equals("auto") ? "profiles" : format;
                run.summary.source = source.describe();
                run.summary.mapping = columns.describe();
                ContactColumns contactColumns = ContactColumns.of(file.fileName(), source.header());
                run.summary.contactKinds = contactColumns.describe();
                CustomerParser parser = new CustomerParser(columns, new DateTimes(shop.zone(), o.dateFormat()));
                run.withBadRows(source.header(), bad -> transactions.run(con -> {
                    BulkLoad bulk = BulkLoad.begin(con, cacheMb);
                    String column = columns.name(columns.index("customer_id"));
                    try (CustomerWriter writer = new CustomerWriter(con, columns.fields(), run.summary, OrderImport.maxId(con, "customers"),
                            c -> bad.add(new BadCell(c.row().line(), column, c.buyerId(),
                                    Tr.t("appears again: this customer is on an earlier line too"),
                                    Tr.t("List each customer once; merge the two rows")), c.row().fields()));
                            ContactWriter contacts = new ContactWriter(con, contactColumns);
                            Pipeline<CustomerRow> rows = new Pipeline<>(source, parser)) {
                        // a row's other addresses are written once its customer is: the writers flush in that order
                        run.consume(rows, bad, source.estimatedRows(), run.unlessForgotten(CustomerRow::buyerId, c -> {
                            writer.add(c);
                            if (!contactColumns.isEmpty() && contacts.add(c) >= ContactWriter.BATCH) {
                                writer.flush();
                                contacts.flush();
                            }
                        }), () -> {
                            writer.flush();
                            contacts.flush();
                        });
                        run.summary.contactsWritten = contacts.written();
                        run.recordInTransaction();
                        return null;
                    } finally {
                        bulk.end();
                    }
                }));
            }
        });
    }
}
