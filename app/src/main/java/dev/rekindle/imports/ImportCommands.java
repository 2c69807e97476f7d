package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.console.Groups;
import dev.rekindle.console.Progress;
import dev.rekindle.console.UsageException;
import java.nio.file.Path;
import java.util.function.LongFunction;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class ImportCommands {

    private final OrderImport orders;
    private final CustomerImport customers;
    private final ConsentImport consents;
    private final ProductImport products;
    private final CategoryRuleImport rules;

    ImportCommands(OrderImport orders, CustomerImport customers, ConsentImport consents, ProductImport products,
            CategoryRuleImport rules) {
        this.orders = orders;
        this.customers = customers;
        this.consents = consents;
        this.products = products;
        this.rules = rules;
    }

    @Command(name = {"products", "import"}, group = Groups.IMPORT,
            description = "Import the shop's products: item code, title, category, lifespan days, launch date",
            help = """
                    products import products.csv
                    products import 宝贝.csv --map item_id=商家编码,lifespan_days=使用周期
                    # Keyed by the item code that order reports carry (商家编码 or 商品ID); empty cells keep what is stored.
                    # Orders whose goods are listed get the category of their biggest line (replenishment, trials, stages).
                    # fields for --map: item_id [title category lifespan_days launched_on]""")
    String importProducts(CommandContext ctx,
            @Argument(index = 0, description = "FILE: the CSV file of products") String file,
            @Option(longName = "encoding", description = "auto, utf-8 or gbk", defaultValue = "auto") String encoding,
            @Option(longName = "map", description = "which column holds which field: field=Column,…") String map,
            @Option(longName = "date-format", description = "pattern of unusual dates, e.g. dd.MM.yyyy") String dateFormat,
            @Option(longName = "skip-bad", description = "import the good rows and write bad ones to NAME.rejects.csv") boolean skipBad) {
        ImportOptions o = new ImportOptions(path(file), "auto", encoding, Columns.parseMap(map), dateFormat, skipBad, null);
        return products.run(o, progress(ctx, Tr.t("Importing products"))).render();
    }

    @Command(name = {"products", "rules"}, group = Groups.IMPORT,
            description = "Import category rules: a keyword of the title or an item code gives a category",
            help = """
                    products rules category-rules.csv
                    # A CSV with the columns keyword (or item_id) and category, e.g.  羊毛,围巾  — the first rule that
                    # matches wins. The file replaces the stored rules. A product's own category comes first.
                    # fields for --map: category, keyword or item_id""")
    String importRules(CommandContext ctx,
            @Argument(index = 0, description = "FILE: the CSV file of rules") String file,
            @Option(longName = "encoding", description = "auto, utf-8 or gbk", defaultValue = "auto") String encoding,
            @Option(longName = "map", description = "which column holds which field: field=Column,…") String map) {
        ImportOptions o = new ImportOptions(path(file), "auto", encoding, Columns.parseMap(map), null, false, null);
        return rules.run(o, progress(ctx, Tr.t("Importing category rules"))).render();
    }

    @Command(name = {"orders", "import"}, group = Groups.IMPORT,
            description = "Import orders: Taobao/Tmall reports (GBK or UTF-8), any CSV, line items, CDNOW",
            help = """
                    orders import ~/Downloads/ExportOrderList.csv
                    orders import tmall-suborders.csv --format tmall
                    orders import sales.csv --map order_id=单号,customer_id=会员,time=日期,amount=金额
                    orders import retail.csv --format lines --date-format "M/d/yyyy H:mm" --map order_id=InvoiceNo,customer_id=CustomerID,time=InvoiceDate,quantity=Quantity,unit_price=UnitPrice
                    orders import CDNOW_master.txt --format cdnow
                    orders import orders.csv --skip-bad        (good rows in, bad rows to orders.rejects.csv)
                    # Re-importing a file changes nothing; a changed row updates its order.
                    # fields for --map: order_id customer_id time amount [status paid_time item_count category name mobile
                    #   address city item_id product]; lines: order_id customer_id time quantity unit_price [item_id product
                    #   category]. item_id (商家编码) and product (宝贝标题) are kept as the order's goods (products import)""")
    String importOrders(CommandContext ctx,
            @Argument(index = 0, description = "FILE: the CSV or text file to import") String file,
            @Option(longName = "format", description = "auto, taobao, tmall, generic, lines or cdnow", defaultValue = "auto") String format,
            @Option(longName = "encoding", description = "auto, utf-8 or gbk", defaultValue = "auto") String encoding,
            @Option(longName = "map", description = "which column holds which field: field=Column,…") String map,
            @Option(longName = "date-format", description = "pattern of unusual dates, e.g. dd.MM.yyyy HH:mm") String dateFormat,
            @Option(longName = "skip-bad", description = "import the good rows and write bad ones to NAME.rejects.csv") boolean skipBad) {
        ImportOptions o = new ImportOptions(path(file), format, encoding, Columns.parseMap(map), dateFormat, skipBad, null);
        return orders.run(o, progress(ctx, Tr.t("Importing orders"))).render();
    }

    @Command(name = {"customers", "import"}, group = Groups.IMPORT,
            description = "Import customer profiles: name, mobile, email, WeChat, birthday, gender, city, level, points",
            help = """
                    customers import members.csv
                    customers import 会员.csv --encoding gbk
                    customers import crm.csv --map customer_id=UserID,mobile=Phone,birthday=DOB,member_level=Tier
                    # Keyed by the buyer id: known customers are updated, empty cells keep what is stored.
                    # fields for --map: customer_id name mobile email wechat birthday gender city address member_level
                    #   points created_at""")
    String importCustomers(CommandContext ctx,
            @Argument(index = 0, description = "FILE: the CSV file to import") String file,
            @Option(longName = "format", description = "auto, generic or taobao", defaultValue = "auto") String format,
            @Option(longName = "encoding", description = "auto, utf-8 or gbk", defaultValue = "auto") String encoding,
            @Option(longName = "map", description = "which column holds which field: field=Column,…") String map,
            @Option(longName = "date-format", description = "pattern of unusual dates, e.g. dd.MM.yyyy") String dateFormat,
            @Option(longName = "skip-bad", description = "import the good rows and write bad ones to NAME.rejects.csv") boolean skipBad) {
        ImportOptions o = new ImportOptions(path(file), format, encoding, Columns.parseMap(map), dateFormat, skipBad, null);
        return customers.run(o, progress(ctx, Tr.t("Importing customers"))).render();
    }

    @Command(name = {"consents", "import"}, group = Groups.IMPORT,
            description = "Import opt-outs and opt-ins (SMS replies T, TD, N, 退订 = refusal) with their proof",
            help = """
                    consents import sms-replies.csv
                    consents import replies.csv --map mobile=手机号码,reply=回复内容,time=回复时间 --channel sms
                    consents import wecom-optins.csv --map customer_id=buyer,reply=decision
                    # Each decision keeps its source, file and line as proof; an older decision never replaces a newer one.
                    # fields for --map: customer_id or mobile, reply, [channel time source]""")
    String importConsents(CommandContext ctx,
            @Argument(index = 0, description = "FILE: the CSV file of replies or decisions") String file,
            @Option(longName = "map", description = "which column holds which field: field=Column,…") String map,
            @Option(longName = "channel", description = "channel the decisions apply to when the file has none (sms, email, wechat; * = all)",
                    defaultValue = "*") String channel,
            @Option(longName = "encoding", description = "auto, utf-8 or gbk", defaultValue = "auto") String encoding,
            @Option(longName = "date-format", description = "pattern of unusual dates, e.g. dd.MM.yyyy HH:mm") String dateFormat,
            @Option(longName = "skip-bad", description = "import the good rows and write bad ones to NAME.rejects.csv") boolean skipBad) {
        ImportOptions o = new ImportOptions(path(file), "auto", encoding, Columns.parseMap(map), dateFormat, skipBad, channel);
        return consents.run(o, progress(ctx, Tr.t("Importing consents"))).render();
    }

    private static LongFunction<Progress> progress(CommandContext ctx, String label) {
        return total -> Progress.start(ctx, label, total);
    }

    /** The file as typed; {@code ~/} means the home folder (the interactive shell does not expand it). */
    static Path path(String file) {
        if (file == null || file.isBlank()) {
            throw new UsageException(Tr.t("missing FILE, e.g. orders import orders.csv"));
        }
        String f = file.strip();
        if (f.equals("~") || f.startsWith("~/")) {
            f = System.getProperty("user.home") + f.substring(1);
        }
        return Path.of(f);
    }
}
