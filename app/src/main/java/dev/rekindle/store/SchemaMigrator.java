package dev.rekindle.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings the schema up to date: applies each {@code db/migration/V<n>__<what>.sql} not yet recorded in
 * {@code schema_version}, in order, each in its own transaction. Migrations are never edited once
 * released; a change to the schema is a new file, so an operator's data survives every upgrade.
 */
@Component
public class SchemaMigrator {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    record Migration(int version, String description, Resource script) {
    }

    static final String LOCATION = "classpath*:db/migration/V*.sql";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final String location;

    @Autowired
    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, LOCATION);
    }

    /** @param location a resource pattern for the migration files (tests use their own folder) */
    SchemaMigrator(DataSource dataSource, String location) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.location = location;
    }

    /** @return the versions applied now (empty when the schema was already current) */
    public List<Integer> migrate() {
        jdbc.sql("""
                CREATE TABLE IF NOT EXISTS schema_version (
                  version     INTEGER PRIMARY KEY,
                  description TEXT NOT NULL,
                  applied_at  TEXT NOT NULL)""").update();
        // Every missing version is applied, not only those above the highest: features developed in
        // parallel may land in any order.
        Set<Integer> done = new HashSet<>(jdbc.sql("SELECT version FROM schema_version").query(Integer.class).list());
        List<Integer> applied = new ArrayList<>();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        for (Migration m : available(location)) {
            if (done.contains(m.version())) {
                continue;
            }
            tx.executeWithoutResult(status -> {
                ResourceDatabasePopulator script = new ResourceDatabasePopulator(m.script());
                separator(m.script()).ifPresent(script::setSeparator);
                script.populate(DataSourceUtils.getConnection(dataSource));
                jdbc.sql("INSERT INTO schema_version(version, description, applied_at) VALUES (?, ?, ?)")
                        .params(m.version(), m.description(), LocalDateTime.now().withNano(0).toString()).update();
            });
            log.info("applied schema migration V{} {}", m.version(), m.description());
            applied.add(m.version());
        }
        return applied;
    }

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^-- separator: (\\S+)\\s*$");

    /**
     * A script whose statements contain ';' (a trigger's body) names another separator on a line of its own,
     * {@code -- separator: ;;}; the others are split at ';'.
     */
    static java.util.Optional<String> separator(Resource script) {
        try {
            Matcher m = SEPARATOR.matcher(script.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version, or 0 for a database Rekindle has never touched (no schema_version table yet). */
    public int currentVersionOrZero() {
        Integer tables = jdbc.sql("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
                .query(Integer.class).single();
        return tables == 0 ? 0 : currentVersion();
    }

    public int currentVersion() {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM schema_version").query(Integer.class).single();
    }

    static List<Migration> available() {
        return available(LOCATION);
    }

    static List<Migration> available(String location) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(location);
            List<Migration> list = new ArrayList<>();
            for (Resource r : found) {
                Matcher m = NAME.matcher(r.getFilename());
                if (m.matches()) {
                    list.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), r));
                }
            }
            list.sort(Comparator.comparingInt(Migration::version));
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).version() == list.get(i - 1).version()) {
                    throw new IllegalStateException("two migrations with version " + list.get(i).version());
                }
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
