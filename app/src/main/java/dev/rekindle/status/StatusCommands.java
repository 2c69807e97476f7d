package dev.rekindle.status;

import dev.rekindle.i18n.Tr;
import dev.rekindle.plugin.PluginExtensions;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.console.Groups;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.store.DatabaseLocation;
import dev.rekindle.store.SchemaMigrator;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

@Component
class StatusCommands {

    private final DatabaseLocation location;
    private final JdbcClient jdbc;
    private final SchemaMigrator schema;
    private final ObjectProvider<RekindlePluginManager> pluginManager;
    private final ObjectProvider<PluginExtensions> pluginExtensions;
    private final ShopProfile shop;

    StatusCommands(DatabaseLocation location, JdbcClient jdbc, SchemaMigrator schema, ObjectProvider<RekindlePluginManager> pluginManager,
            ObjectProvider<PluginExtensions> pluginExtensions, ShopProfile shop) {
        this.pluginExtensions = pluginExtensions;
        this.location = location;
        this.jdbc = jdbc;
        this.schema = schema;
        this.pluginManager = pluginManager;
        this.shop = shop;
    }

    @Command(name = "status", group = Groups.START,
            description = "Database, customer and order counts, plugins and the as-of date", help = "status")
    String status() {
        RekindlePluginManager plugins = pluginManager.getObject();
        long customers = count("SELECT count(*) FROM customers WHERE erased_at IS NULL");
        // the same people as the line's first figure: an erased customer's orders stay, the person does not
        long buyers = count("SELECT count(*) FROM customer_stats s JOIN customers c ON c.id = s.customer_id"
                + " WHERE c.erased_at IS NULL AND s.order_count > 0");
        long orders = count("SELECT count(*) FROM orders");
        String span = jdbc.sql("SELECT coalesce(min(created_at), '') || ' … ' || coalesce(max(created_at), '') FROM orders")
                .query(String.class).single();
        long refused = count("SELECT count(DISTINCT k.customer_id) FROM consents k JOIN customers c ON c.id = k.customer_id"
                + " WHERE k.granted = 0 AND c.erased_at IS NULL");
        // FAILED and conflicting plugins by name, with why; plugins list has the whole table
        String started = pluginExtensions.getObject().summary();
        String problems = plugins.problems().stream()
                .map(p -> "\n           " + p.state() + " "
                        + (p.pluginId().equals("?") && p.file() != null ? p.file().getFileName() : p.pluginId()) + ": " + p.reason())
                .collect(Collectors.joining());
        String demo = jdbc.sql("SELECT value FROM settings WHERE key = 'demo.anchor'").query(String.class).optional()
                .map(a -> "  " + Tr.f("(demo data generated as of %s)", a)).orElse("");
        // a shop with several plugins makes the plugins line longer than the screen: wrapped under its value
        return TextWidth.hanging(Tr.f("""
                Database   %s  (schema v%d)%s
                Shop       %s, time zone %s
                As of      %s (today in the shop's time zone; analysis commands take --as-of)
                Customers  %,d  (%,d have bought; %,d refused some contact)
                Orders     %,d  %s
                Plugins    %s  — folder %s""",
                location.describe(), schema.currentVersion(), demo, shop.name(), shop.zone(), shop.today(),
                customers, buyers, refused, orders, orders == 0 ? "" : span,
                started.isEmpty() ? Tr.t("none") : started, plugins.getPluginsRoot()) + problems, Table.SCREEN);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
