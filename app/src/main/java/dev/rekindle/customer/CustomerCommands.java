package dev.rekindle.customer;

import dev.rekindle.predict.PredictionRepository;
import dev.rekindle.shell.Confirmation;
import dev.rekindle.shell.Groups;
import dev.rekindle.shell.OutputFormat;
import dev.rekindle.shell.Table;
import dev.rekindle.shell.UsageException;
import dev.rekindle.shell.UserException;
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
    private final ShopProfile shop;
    private final PredictionRepository predictions;

    CustomerCommands(CustomerRepository customers, ShopProfile shop, PredictionRepository predictions) {
        this.customers = customers;
        this.shop = shop;
        this.predictions = predictions;
    }

    @Command(name = {"customers", "show"}, group = Groups.CUSTOMERS,
            description = "One customer's profile, purchases and consents (contacts masked)",
            help = "customers show tb1007919")
    String show(@Argument(index = 0, description = "ID: the shop's buyer id") String id) {
        Customer c = load(id);
        StringBuilder sb = new StringBuilder();
        sb.append(c.buyerId()).append(c.erasedAt() != null ? "  (personal data erased " + c.erasedAt() + ")" : "").append('\n');
        field(sb, "name", c.name());
        field(sb, "mobile", Masks.mobile(c.mobile()) + (c.mobileNote() == null ? "" : " (" + c.mobileNote() + ")"));
        field(sb, "email", Masks.email(c.email()));
        field(sb, "WeChat", Masks.wechat(c.wechatId()));
        field(sb, "birthday", c.birthday());
        field(sb, "gender", c.gender() == null ? null : c.gender().equals("F") ? "female" : "male");
        field(sb, "city", c.city());
        field(sb, "member level", c.memberLevel());
        field(sb, "points", String.valueOf(c.points()));
        field(sb, "customer since", c.createdAt());
        field(sb, "orders", c.orderCount() + (c.orderCount() == 0 ? "" : String.format(
                "  revenue ¥%.2f  first %s  last %s", c.revenue(), c.firstOrderAt(), c.lastOrderAt())));
        predictions.find(c.id()).ifPresent(p -> field(sb, "outlook", String.format(
                "P(alive) %.2f  orders in 90 days %.2f  value of 365 days ¥%.2f  (as of %s; predict show %s)",
                p.pAlive(), p.expectedOrders90d(), p.clv365d(), p.asOf(), c.buyerId())));
        List<CustomerRepository.Consent> consents = customers.consents(c.id());
        sb.append("consents\n");
        if (consents.isEmpty()) {
            sb.append("  none recorded\n");
        }
        for (CustomerRepository.Consent k : consents) {
            sb.append(String.format("  %-8s %-8s %s (%s)%n", k.channel().equals("*") ? "all" : k.channel(),
                    k.granted() ? "granted" : "REFUSED", k.recordedAt(), k.source()));
        }
        List<CustomerRepository.OrderLine> orders = customers.recentOrders(c.id(), 5);
        if (!orders.isEmpty()) {
            Table t = new Table("order", "time", "amount", "status", "items", "category");
            orders.forEach(o -> t.row(o.orderNo(), o.createdAt(), o.amount(), o.status(), o.items(), o.category()));
            sb.append("latest orders\n").append(t.render(OutputFormat.TABLE));
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
            throw new UsageException("give --name or --mobile, e.g. customers find --name 王");
        }
        if (mobile != null && !mobile.matches("[0-9]{3,11}")) {
            throw new UsageException("--mobile takes 3 to 11 digits, got '" + mobile + "'");
        }
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1");
        }
        List<Customer> found = customers.find(name, mobile, limit);
        if (found.isEmpty() && out == OutputFormat.TABLE) {
            return "No customer matches.";
        }
        Table t = new Table("buyer_id", "name", "mobile", "city", "level", "orders", "revenue", "last_order");
        found.forEach(c -> t.row(c.buyerId(), c.name(), Masks.mobile(c.mobile()), c.city(), c.memberLevel(),
                c.orderCount(), c.revenue(), c.lastOrderAt()));
        return t.render(out) + (out == OutputFormat.TABLE && found.size() == limit
                ? "\n(first " + limit + " by revenue; --limit shows more)" : "");
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
            return "Customer " + c.buyerId() + " was already erased on " + c.erasedAt() + ". Nothing to do.";
        }
        if (!Confirmation.confirm(ctx, "Erase the personal data of " + c.buyerId() + " (" + c.name() + ")? This cannot be undone.", yes)) {
            return "Nothing changed.";
        }
        CustomerRepository.Erasure e = customers.erase(c, shop.now().toString().replace('T', ' '));
        return String.format("""
                Erased customer %s: name, mobile, email, WeChat id, birthday, gender and city removed; \
                %d consent record(s) deleted.
                Kept %d order(s) as anonymous facts under %s, so sales figures do not change.""",
                c.buyerId(), e.consentsDeleted(), e.ordersKept(), e.newBuyerId());
    }

    private Customer load(String id) {
        if (id == null || id.isBlank()) {
            throw new UsageException("missing ID, e.g. customers show tb1007919");
        }
        return customers.findByBuyerId(id.trim()).orElseThrow(() -> new UserException(
                "no customer with buyer id '" + id + "'. Find one with: customers find --name NAME"));
    }

    private static void field(StringBuilder sb, String label, String value) {
        sb.append(String.format("  %-15s %s%n", label, value == null || value.isEmpty() ? "—" : value));
    }
}
