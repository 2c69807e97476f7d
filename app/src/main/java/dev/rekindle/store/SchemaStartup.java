package dev.rekindle.store;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.StartupTask;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Before the first command: bring the schema of the chosen database up to date. */
@Component
@Order(0)
class SchemaStartup implements StartupTask {

    private final SchemaMigrator migrator;
    private final DatabaseLocation location;

    SchemaStartup(SchemaMigrator migrator, DatabaseLocation location) {
        this.migrator = migrator;
        this.location = location;
    }

    @Override
    public Optional<String> run() {
        int before = location.existedBefore() ? migrator.currentVersionOrZero() : 0;
        List<Integer> applied = migrator.migrate();
        if (applied.isEmpty() || before == 0) {
            return Optional.empty();
        }
        return Optional.of(Tr.f("Upgraded the database schema of %s to version %d; your data was kept.",
                location.describe(), applied.get(applied.size() - 1)));
    }
}
