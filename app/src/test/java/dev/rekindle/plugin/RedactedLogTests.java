package dev.rekindle.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The app's real log configuration (logback-spring.xml, Spring Boot's file layout) writing a real file:
 * a plugin's exception with a full number and a secret lands in the log masked, message and stack trace.
 * (Tests otherwise log through logback-test.xml, to the console.)
 */
class RedactedLogTests {

    @TempDir
    Path tmp;

    @Test
    void theLogFileGetsNeitherFullNumbersNorSecrets() throws Exception {
        Redactor.secret("ZXCV-SECRET-9876");
        Path file = tmp.resolve("rekindle.log");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.putProperty("LOG_FILE", file.toString());
        JoranConfigurator config = new JoranConfigurator();
        config.setContext(context);
        config.doConfigure(getClass().getResource("/logback-spring.xml"));
        Logger log = context.getLogger("test.plugin");

        log.error("channel {} threw while delivering to {}", "kaboom", "13299694916",
                new IllegalStateException("kaboom sending to 13299694916 with key ZXCV-SECRET-9876",
                        new RuntimeException("provider said token=SECRET123")));
        context.stop();

        String text = Files.readString(file);
        assertTrue(text.contains("threw while delivering to 132****4916"), text);
        assertTrue(text.contains("kaboom sending to 132****4916 with key ****"), text);
        assertTrue(text.contains("token=****") && text.contains("\tat "), "the stack trace is still there: " + text);
        assertFalse(text.contains("13299694916") || text.contains("ZXCV-SECRET-9876") || text.contains("SECRET123"), text);
    }
}
