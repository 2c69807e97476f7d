package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.CsvRows;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.source.TextFile;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.imports.value.Replies;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;

/**
 * {@code consents import}: opt-outs and opt-ins, e.g. the SMS gateway's list of replies. Each decision is
 * stored with its proof (source, file, line, reply text) and time as the customer's latest decision for
 * the channel. An older decision never replaces a newer one; at the same time a refusal beats a consent.
 *
 * <p>No decision is dated after the import: one dated in the future (a typo such as 2099, a gateway's wrong
 * clock) is recorded at the import time instead, with a warning naming its file and line — otherwise it
 * would outrank every refusal that comes later. For the same reason a decision already on record with a
 * future date counts as made now, so a refusal received now beats it.
 */
@Service
class ConsentImport {

    /** One decision read from a file. */
    record Decision(long line, String buyerId, String mobile, boolean granted, String channel, String recordedAt,
            String source, String futureDate) {
    }

    private final ImportTransactions transactions;
    private final ImportLog log;
    private final ShopProfile shop;

    ConsentImport(ImportTransactions transactions, ImportLog log, ShopProfile shop) {
        this.transactions = transactions;
        this.log = log;
        this.shop = shop;
    }

    ImportSummary run(ImportOptions o, LongFunction<Progress> progress) {
        ImportRun run = new ImportRun("consents", o, shop, log, progress);
        return run.execute(() -> {
            TextFile file = TextFile.open(o.file(), o.encoding());
            try (CsvRows source = CsvRows.open(file)) {
                Columns columns = Columns.resolve(file.fileName(), source.header(), ConsentFields.ALL, Set.of("reply"), o.map());
                if (!columns.has("customer_id") && !columns.has("mobile")) {
                    throw new UserException(Tr.f("%s: no column says who decided. Name the buyer id or the "
                            + "mobile number, e.g. --map customer_id=买家会员名 or --map mobile=手机号. Its columns are: %s",
                            file.fileName(), String.join(", ", source.header())));
                }
                run.summary.format = "consents";
                run.summary.source = source.describe();
                run.summary.mapping = columns.describe();
                String now = shop.now().toString().replace('T', ' ');
                Parser parser = new Parser(columns, new DateTimes(shop.zone(), o.dateFormat()), file.fileName(),
                        Replies.channel(o.channel()), now);
                run.withBadRows(source.header(), bad -> transactions.run(con -> {
                    Writer writer = new Writer(con, run.summary, columns.has("mobile"), now, file.fileName());
                    try (Pipeline<Decision> rows = new Pipeline<>(source, parser)) {
                        run.consume(rows, bad, source.estimatedRows(), writer::write, () -> { });
                    }
                    writer.close();
                    run.recordInTransaction();
                    return null;
                }));
            }
        });
    }

    private static final class Parser implements Pipeline.Parser<Decision> {
        private final Cells cells;
        private final DateTimes dates;
        private final String fileName;
        private final String defaultChannel;
        private final String now;

        Parser(Columns columns, DateTimes dates, String fileName, String defaultChannel, String now) {
            this.cells = new Cells(columns);
            this.dates = dates;
            this.fileName = fileName;
            this.defaultChannel = defaultChannel;
            this.now = now;
        }

        @Override
        public Decision parse(Row row) {
            cells.on(row);
            String buyer = cells.optional("customer_id");
            String mobile = Replies.mobileDigits(cells.optional("mobile"));
            if (buyer == null && mobile == null) {
                throw cells.bad(cells.has("customer_id") ? "customer_id" : "mobile", "", Tr.t("is empty"),
                        Tr.t("Each decision needs the buyer id or the mobile number it came from"));
            }
            String reply = cells.text("reply");
            Boolean granted = Replies.decision(reply);
            if (granted == null) {
                throw new Pipeline.Skip(Tr.t("not a yes/no answer"));
            }
            String at = cells.parse("time", dates::dateTime);
            String channel = cells.has("channel") && !cells.text("channel").isEmpty()
                    ? Replies.channel(cells.text("channel")) : defaultChannel;
            String given = cells.optional("source");
            // dated after the import: recorded at the import time (a future date would outrank later refusals)
            String future = at != null && at.compareTo(now) > 0 ? at : null;
            String proof = "reply:" + reply + "; import:" + fileName + " line " + row.line()
                    + (given == null ? "" : "; source:" + given) + (future == null ? "" : "; dated " + future + " in the file");
            return new Decision(row.line(), buyer, mobile, granted, channel, at == null || future != null ? now : at, proof, future);
        }
    }

    /** Finds the customers a decision is about and records it as their latest for the channel. */
    private static final class Writer {
        private final Connection con;
        private final ImportSummary summary;
        private final PreparedStatement byBuyer;
        private final PreparedStatement byMobile;
        private final PreparedStatement current;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final String now;
        private final String fileName;

        Writer(Connection con, ImportSummary summary, boolean mobiles, String now, String fileName) throws SQLException {
            this.con = con;
            this.summary = summary;
            this.now = now;
            this.fileName = fileName;
            this.byBuyer = con.prepareStatement("SELECT id FROM customers WHERE buyer_id = ? AND erased_at IS NULL");
            if (mobiles) {
                // customers.mobile has no index and may be written +86 138…: match on digits through a temp index
                try (Statement st = con.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS temp.import_mobiles");
                    st.execute("CREATE TEMP TABLE import_mobiles(digits TEXT NOT NULL, customer_id INTEGER NOT NULL)");
                }
                try (Statement st = con.createStatement();
                        ResultSet rs = st.executeQuery("SELECT id, mobile FROM customers WHERE mobile IS NOT NULL AND erased_at IS NULL");
                        PreparedStatement ins = con.prepareStatement("INSERT INTO import_mobiles VALUES (?, ?)")) {
                    while (rs.next()) {
                        String d = Replies.mobileDigits(rs.getString(2));
                        if (d == null) continue;
                        ins.setString(1, d);
                        ins.setLong(2, rs.getLong(1));
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
                try (Statement st = con.createStatement()) {
                    st.execute("CREATE INDEX temp.import_mobiles_digits ON import_mobiles(digits)");
                }
                this.byMobile = con.prepareStatement("SELECT customer_id FROM import_mobiles WHERE digits = ?");
            } else {
                this.byMobile = null;
            }
            this.current = con.prepareStatement("SELECT granted, source, recorded_at FROM consents WHERE customer_id = ? AND channel = ?");
            this.insert = con.prepareStatement("INSERT INTO consents(customer_id, channel, granted, source, recorded_at) VALUES (?, ?, ?, ?, ?)");
            this.update = con.prepareStatement("UPDATE consents SET granted = ?, source = ?, recorded_at = ? WHERE customer_id = ? AND channel = ?");
        }

        void write(Decision d) throws SQLException {
            if (d.futureDate() != null) {
                summary.flag(Tr.t("dated in the future, recorded at the import time instead"),
                        Tr.f("%s line %d: %s", fileName, d.line(), d.futureDate()));
            }
            List<Long> customers = new ArrayList<>();
            if (d.buyerId() != null) {
                customers.addAll(ids(byBuyer, d.buyerId()));
            }
            if (customers.isEmpty() && d.mobile() != null && byMobile != null) {
                customers.addAll(ids(byMobile, d.mobile()));
            }
            if (customers.isEmpty()) {
                summary.skip(Tr.t("no such customer"));
                return;
            }
            for (long customer : customers) {
                record(customer, d);
            }
        }

        private void record(long customer, Decision d) throws SQLException {
            current.setLong(1, customer);
            current.setString(2, d.channel());
            try (ResultSet rs = current.executeQuery()) {
                if (!rs.next()) {
                    insert.setLong(1, customer);
                    insert.setString(2, d.channel());
                    insert.setInt(3, d.granted() ? 1 : 0);
                    insert.setString(4, d.source());
                    insert.setString(5, d.recordedAt());
                    insert.executeUpdate();
                    summary.added++;
                    return;
                }
                boolean granted = rs.getInt(1) == 1;
                String at = rs.getString(3);
                // on record with a future date (imported before dates were checked): it counts as made now
                if (at.compareTo(now) > 0) at = now;
                int order = d.recordedAt().compareTo(at);
                boolean newer = order > 0 || order == 0 && !d.granted() && granted;
                if (!newer) {
                    if (order < 0) summary.skip(Tr.t("older than the decision on record"));
                    else summary.unchanged++;
                    return;
                }
            }
            update.setInt(1, d.granted() ? 1 : 0);
            update.setString(2, d.source());
            update.setString(3, d.recordedAt());
            update.setLong(4, customer);
            update.setString(5, d.channel());
            update.executeUpdate();
            summary.updated++;
        }

        private static List<Long> ids(PreparedStatement ps, String key) throws SQLException {
            List<Long> out = new ArrayList<>();
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
            return out;
        }

        void close() throws SQLException {
            byBuyer.close();
            if (byMobile != null) {
                byMobile.close();
                try (Statement st = con.createStatement()) {
                    st.execute("DROP TABLE temp.import_mobiles");
                }
            }
            current.close();
            insert.close();
            update.close();
        }
    }
}
