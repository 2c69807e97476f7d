package dev.rekindle.delivery;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rekindle.api.Channel;
import dev.rekindle.api.Purpose;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.store.DatabaseLocation;
import dev.rekindle.store.SchemaMigrator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A real SQLite file (same URL pragmas and pool as the app), the real migrations, the real ledger and
 * engine, a clock the test moves, and customers made for the test.
 */
final class DeliveryTestBed implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final HikariDataSource dataSource;
    final JdbcClient jdbc;
    final TransactionTemplate tx;
    final MovableClock clock;
    final ShopProfile shop;
    final Map<String, Channel> channels = new HashMap<>();
    DeliveryPolicy policy = DeliveryPolicy.defaults().withRetry(4, Duration.ofMillis(5), Duration.ofMillis(20))
            .withReconcileMinAge(Duration.ZERO);

    final Path dir;

    DeliveryTestBed(Path dir, LocalDateTime now) {
        this.dir = dir;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DatabaseLocation.resolve(null, dir.resolve("test.db").toString(), true).jdbcUrl());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        new SchemaMigrator(dataSource).migrate();
        jdbc = JdbcClient.create(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        clock = new MovableClock(now.atZone(ZONE).toInstant());
        shop = new ShopProfile("暖心小铺", "暖心小铺", ZONE, clock);
    }

    DeliveryTestBed channel(Channel c) {
        channels.put(c.id(), c);
        return this;
    }

    DeliveryLedger ledger() {
        return new DeliveryLedger(jdbc, tx);
    }

    DeliveryRuns runs() {
        return new DeliveryRuns(jdbc, tx, ledger(), policy.leaseStale());
    }

    DeliveryEngine engine() {
        return new DeliveryEngine(ledger(), runs(), id -> java.util.Optional.ofNullable(channels.get(id)), policy, shop,
                new ChannelLocks(dir.resolve("test.db"), Duration.ZERO));
    }

    UnknownOutcomes unknowns() {
        return new UnknownOutcomes(ledger(), runs(), id -> java.util.Optional.ofNullable(channels.get(id)), policy.reconcileMinAge(), shop);
    }

    /** Customers 1..n with mobiles 1380000000i. */
    DeliveryTestBed customers(int n) {
        for (int i = 1; i <= n; i++) {
            jdbc.sql("INSERT INTO customers(id, buyer_id, name, mobile) VALUES (?, ?, ?, ?)")
                    .params(i, "tb" + i, "顾客" + i, mobile(i)).update();
        }
        return this;
    }

    DeliveryTestBed consent(long customerId, String channel, boolean granted) {
        jdbc.sql("""
                INSERT INTO consents(customer_id, channel, granted, source, recorded_at) VALUES (?, ?, ?, 'test', '2024-01-01 10:00:00')
                ON CONFLICT(customer_id, channel) DO UPDATE SET granted = excluded.granted""")
                .params(customerId, channel, granted ? 1 : 0).update();
        return this;
    }

    DeliveryTestBed order(long customerId, String at) {
        jdbc.sql("INSERT INTO customer_stats(customer_id, first_order_at, last_order_at, order_count, revenue) VALUES (?, ?, ?, 1, 99)")
                .params(customerId, at, at).update();
        return this;
    }

    static String mobile(long i) {
        return String.format("138%08d", i);
    }

    /** One message per customer 1..n on a channel. */
    static Stream<DeliveryRequest> messages(long campaign, int n, String channel, Purpose purpose) {
        return LongStream.rangeClosed(1, n).mapToObj(i -> message(campaign, i, channel, purpose));
    }

    static DeliveryRequest message(long campaign, long customer, String channel, Purpose purpose) {
        return new DeliveryRequest(campaign, customer, "tb" + customer, channel, mobile(customer), null,
                "【暖心小铺】顾客" + customer + "，好久不见", null, purpose, Map.of("name", "顾客" + customer), false);
    }

    DeliveryLedger.Row row(String key) {
        return ledger().find(key).orElseThrow(() -> new AssertionError("no ledger row " + key));
    }

    List<DeliveryLedger.Row> rows(long campaign, DeliveryState state) {
        return ledger().inState(campaign, state);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** A clock the test sets: shop time moves only when the test says so. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(LocalDateTime t) {
            now = t.atZone(ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
