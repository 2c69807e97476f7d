package dev.rekindle.customer;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.Confirmation;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.Visible;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class CustomerCommands {

    private final CustomerRepository customers;
    private final ErasureSweep sweep;
    private final ShopProfile shop;
    private final List<ProfileLine> moreLines;
    private final ContactBook contactBook;

    CustomerCommands(CustomerRepository customers, ShopProfile shop, List<ProfileLine> moreLines, ErasureSweep sweep,
            ContactBook contactBook) {
        this.contactBook = contactBook;
        this.sweep = sweep;
        this.customers = customers;
        this.shop = shop;
        this.moreLines = moreLines;
    }

    @Command(name = {"customers", "show"}, group = Groups.CUSTOMERS,
            description = "One customer's profile, purchases and consents (contacts masked)",
            help = "customers show tb1007919")
    String show(@Argument(index = 0, description = "ID: the shop's buyer id") String id) {
        Customer c = load(id);
        StringBuilder sb = new StringBuilder();
        sb.append(c.buyerId()).append(c.erasedAt() != null ? "  " + Tr.f("(personal data erased %s)", c.erasedAt()) : "").append('\n');
        field(sb, Tr.t("name"), c.name());
        field(sb, Tr.t("mobile"), Masks.mobile(c.mobile()) + (c.mobileNote() == null ? "" : " (" + c.mobileNote() + ")"));
        field(sb, Tr.t("email"), Masks.email(c.email()));
        field(sb, Tr.t("WeChat"), Masks.wechat(c.wechatId()));
        // addresses of other kinds (contact:<kind> columns), labelled by the kind's id as channels list shows it
        contactBook.others(c.id()).forEach((kind, address) -> field(sb, kind, Masks.other(address)));
        field(sb, Tr.t("birthday"), c.birthdayShown());
        field(sb, Tr.t("gender"), c.gender() == null ? null : c.gender().equals("F") ? Tr.t("female") : Tr.t("male"));
        field(sb, Tr.t("city"), c.city() == null ? null
                : c.province() == null || c.province().equals(c.city()) ? c.city() : c.city() + " (" + c.province() + ")");
        field(sb, Tr.t("member level"), c.memberLevel());
        field(sb, Tr.t("points"), String.valueOf(c.points()));
        field(sb, Tr.t("customer since"), c.createdAt());
        field(sb, Tr.t("orders"), c.orderCount() + (c.orderCount() == 0 ? "" : Tr.f(
                "  revenue ¥%.2f  first %s  last %s", c.revenue(), c.firstOrderAt(), c.lastOrderAt())));
        moreLines.forEach(more -> more.about(c).ifPresent(line -> field(sb, line.label(), line.text())));
        List<CustomerRepository.Consent> consents = customers.consents(c.id());
        sb.append(Tr.t("consents")).append('\n');
        if (consents.isEmpty()) {
            sb.append("  ").append(Tr.t("none recorded")).append('\n');
        }
        for (CustomerRepository.Consent k : consents) {
            sb.append(String.format("  %s %s %s (%s)%n", TextWidth.pad(k.channel().equals("*") ? Tr.t("all") : k.channel(), 8),
                    TextWidth.pad(k.granted() ? Tr.t("granted") : Tr.t("REFUSED"), 8), k.recordedAt(), k.source()));
        }
        List<CustomerRepository.OrderLine> orders = customers.recentOrders(c.id(), 5);
        if (!orders.isEmpty()) {
            Table t = new Table("order", "time", "amount", "status", "items", "category");
            orders.forEach(o -> t.row(o.orderNo(), o.createdAt(), o.amount(), o.status(), o.items(), o.category()));
            sb.append(Tr.t("latest orders")).append('\n').append(t.render(OutputFormat.TABLE));
        }
        return sb.toString().stripTrailing();
    }

    @Command(name = {"customers", "find"}, group = Groups.CUSTOMERS,
            description = "Find customers by part of their name, buyer id or mobile number",
            help = """
                    customers find --name 王
                    customers find --mobile 1234 --limit 5
                    customers find --name 李 --format csv""")
    String find(@Option(longName = "name", description = "part of the name or buyer id") String name,
            @Option(longName = "mobile", description = "digits of the mobile number") String mobile,
            @Option(longName = "limit", description = "at most this many", defaultValue = "20") Integer limit,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        if ((name == null || name.isBlank()) && (mobile == null || mobile.isBlank())) {
            throw new UsageException(Tr.t("give --name or --mobile, e.g. customers find --name 王"));
        }
        if (mobile != null && !mobile.matches("[0-9]{3,11}")) {
            throw new UsageException(Tr.f("--mobile takes 3 to 11 digits, got '%s'", mobile));
        }
        if (limit < 1) {
            throw new UsageException(Tr.t("--limit must be at least 1"));
        }
        List<Customer> found = customers.find(name, mobile, limit);
        if (found.isEmpty() && out == OutputFormat.TABLE) {
            return Tr.t("No customer matches.");
        }
        Table t = new Table("buyer_id", "name", "mobile", "city", "level", "orders", "revenue", "last_order");
        found.forEach(c -> t.row(c.buyerId(), c.name(), Masks.mobile(c.mobile()), c.city(), c.memberLevel(),
                c.orderCount(), c.revenue(), c.lastOrderAt()));
        return t.render(out) + (out == OutputFormat.TABLE && found.size() == limit
                ? "\n" + Tr.f("(first %d by revenue; --limit shows more)", limit) : "");
    }

    @Command(name = {"customers", "forget"}, group = Groups.CUSTOMERS,
            description = "Erase a person's personal data and consents on request (PIPL); orders stay anonymous",
            help = """
                    customers forget tb1007919
                    customers forget tb1007919 --yes""")
    String forget(CommandContext ctx, @Argument(index = 0, description = "ID: the shop's buyer id") String id,
            @Option(longName = "yes", description = "do not ask for confirmation") boolean yes) {
        Customer c = load(id);
        if (c.erasedAt() != null) {
            return Tr.f("Customer %s was already erased on %s. Nothing to do.", c.buyerId(), c.erasedAt());
        }
        if (!Confirmation.confirm(ctx, Tr.f("Erase the personal data of %s (%s)? This cannot be undone.", c.buyerId(), c.name()), yes)) {
            return Tr.t("Nothing changed.");
        }
        List<String> otherAddresses = List.copyOf(contactBook.others(c.id()).values()); // read before they are erased
        CustomerRepository.Erasure e = customers.erase(c, shop.now().toString().replace('T', ' '));
        ErasureSweep.Report swept = sweep.sweep(new ErasureSweep.Traces(c.buyerId(), c.mobile(), c.email(), c.wechatId(), c.name(),
                otherAddresses));
        StringBuilder sb = new StringBuilder(Tr.f("""
                Erased customer %s: name, mobile, email, WeChat id, birthday, gender and city removed; \
                %d consent record(s) deleted.
                Kept %d order(s) as anonymous facts under %s, so sales figures do not change.""",
                c.buyerId(), e.consentsDeleted(), e.ordersKept(), e.newBuyerId()));
        if (e.otherContactsDeleted() > 0) {
            sb.append('\n').append(Tr.f("%d address(es) of other contact kinds (contact:<kind> columns) deleted.", e.otherContactsDeleted()));
        }
        sb.append('\n').append(swept.leftInDatabase().isEmpty()
                ? (swept.vacuumed() ? Tr.t("Database file: old copies overwritten (rebuilt with VACUUM); none of the person's values is left in it.")
                        : Tr.t("Database file: none of the person's values is left in it."))
                : Tr.f("Database file: %d of the person's values are still in it; close other Rekindle windows and run "
                        + "customers forget again, or VACUUM the file.", swept.leftInDatabase().size()));
        if (swept.historyLines() > 0) {
            sb.append('\n').append(Tr.f("Shell history: %d line(s) naming the person removed.", swept.historyLines()));
        }
        if (!swept.rewritten().isEmpty()) {
            sb.append('\n').append(Tr.f("Outbox files rewritten without the person: %s",
                    swept.rewritten().stream().map(java.nio.file.Path::toString).collect(java.util.stream.Collectors.joining(", "))));
        }
        if (!swept.toDelete().isEmpty()) {
            sb.append('\n').append(Tr.f("These outbox files still hold the person's data; delete them (or the messages in them): %s",
                    swept.toDelete().stream().map(java.nio.file.Path::toString).collect(java.util.stream.Collectors.joining(", "))));
        }
        return sb.toString();
    }

    private Customer load(String id) {
        if (id == null || id.isBlank()) {
            throw new UsageException(Tr.t("missing ID, e.g. customers show tb1007919"));
        }
        return customers.findByBuyerId(id.trim()).orElseThrow(() -> new UserException(
                Tr.f("no customer with buyer id '%s'. Find one with: customers find --name NAME", id)));
    }

    private static void field(StringBuilder sb, String label, String value) {
        sb.append(String.format("  %s %s%n", TextWidth.pad(label, 15), value == null || value.isEmpty() ? "—" : Visible.inline(value)));
    }
}
