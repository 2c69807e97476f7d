package dev.rekindle.demo;

import dev.rekindle.i18n.Tr;
import dev.rekindle.shop.ShopProfile;
import java.time.Duration;
import dev.rekindle.store.DataWipe;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and recreates the demo data in the current database. */
@Service
public class DemoService {

    public static final int DEFAULT_CUSTOMERS = 20_000;
    public static final long DEFAULT_SEED = 42;

    /** What the database holds before a reset, so the operator knows what they would lose. */
    public record Contents(long customers, long orders) {
        boolean isEmpty() {
            return customers == 0 && orders == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final DemoDataGenerator generator;
    private final ShopProfile shop;

    public DemoService(JdbcTemplate jdbc, DemoDataGenerator generator, ShopProfile shop) {
        this.jdbc = jdbc;
        this.generator = generator;
        this.shop = shop;
    }

    /** True once demo data was generated here, even if the operator has since removed it. */
    public boolean wasEverFilled() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM settings WHERE key = 'demo.anchor'", Long.class);
        return n != null && n > 0;
    }

    public Contents contents() {
        return new Contents(count("customers"), count("orders"));
    }

    /** Wipes every table except the schema history and settings, then generates; all or nothing. */
    @Transactional
    public String reset(int customers, long seed) {
        long start = System.nanoTime();
        DataWipe.allData(JdbcClient.create(jdbc));
        DemoDataGenerator.Summary s = generator.generate(customers, seed, shop.today());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return Tr.f("Demo data: %,d customers, %,d orders, %,d refused consents (seed %d, as of %s) in %.1f s.",
                s.customers(), s.orders(), s.refusedConsents(), seed, shop.today(), took.toMillis() / 1000.0);
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return n == null ? 0 : n;
    }
}
