package dev.rekindle.shell;

import dev.rekindle.console.StartupTask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One-shot {@code help} starts quickly because it creates nothing it does not show: no command bean, no
 * database, no plugin. A context of its own (the shared test context has long opened its database).
 */
@SpringBootTest(properties = {"rekindle.runner.enabled=false", "spring.shell.interactive.enabled=false",
        "rekindle.db.explicit=true", "logging.threshold.console=OFF"})
class CommandCatalogTests {

    static Path home;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("rekindle-catalog");
        registry.add("rekindle.home", home::toString);
        registry.add("rekindle.db", () -> home.resolve("data/catalog.db").toString());
        registry.add("rekindle.plugins.dir", () -> home.resolve("plugins").toString());
        registry.add("logging.file.name", () -> home.resolve("logs/rekindle.log").toString());
    }

    @Autowired
    CommandInvoker invoker;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void helpListsEveryCommandWithoutOpeningTheDatabaseOrStartingThePlugins() {
        StringWriter out = new StringWriter();
        int exit = invoker.invoke(List.of("help"), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), null);

        assertEquals(0, exit);
        assertTrue(out.toString().contains("customers find") && out.toString().contains("plugins list"), out.toString());
        assertFalse(created("dataSource"), "help opened the database");
        assertFalse(Files.exists(home.resolve("data/catalog.db")), "help created the database file");
        assertFalse(created("pluginManager"), "help started the plugins");
        assertFalse(created("customerCommands"), "help created a command it only lists");

        StringWriter usage = new StringWriter();
        assertEquals(0, invoker.invoke(List.of("customers", "find", "--help"), new PrintWriter(usage, true),
                new PrintWriter(new StringWriter(), true), null));
        assertTrue(usage.toString().contains("--limit N"), usage.toString());
        assertFalse(created("customerCommands"), "a command's help created the command");

        // running a command creates it and what it needs
        context.getBeanProvider(StartupTask.class).orderedStream().forEach(StartupTask::run);
        StringWriter status = new StringWriter();
        assertEquals(0, invoker.invoke(List.of("status"), new PrintWriter(status, true), new PrintWriter(new StringWriter(), true), null));
        assertTrue(status.toString().contains("catalog.db"), status.toString());
        assertTrue(created("dataSource") && created("pluginManager"));
    }

    private boolean created(String bean) {
        return context.getBeanFactory().containsSingleton(bean);
    }
}
