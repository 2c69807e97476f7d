package dev.rekindle.demo;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.StartupTask;
import dev.rekindle.store.DatabaseLocation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** First start on the embedded database: fill it with the demo shop so there is something to look at. */
@Component
@Order(10)
class DemoBootstrap implements StartupTask {

    private final DatabaseLocation location;
    private final DemoService demo;

    DemoBootstrap(DatabaseLocation location, DemoService demo) {
        this.location = location;
        this.demo = demo;
    }

    @Override
    public Optional<String> run() {
        // Also covers a first start that was interrupted after the file was created but before it was filled.
        if (!location.embedded() || !demo.contents().isEmpty() || demo.wasEverFilled()) {
            return Optional.empty();
        }
        String summary = demo.reset(DemoService.DEFAULT_CUSTOMERS, DemoService.DEFAULT_SEED);
        return Optional.of(Tr.f("Created the demo database %s.", location.describe()) + "\n" + summary
                + "\n" + Tr.t("Use your own data with: rekindle --db myshop.db orders import FILE"));
    }
}
