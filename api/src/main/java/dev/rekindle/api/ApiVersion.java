package dev.rekindle.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API, as built (e.g. {@code 0.1.0}). The host offers it to PF4J as the
 * system version, so a plugin's {@code Plugin-Requires} range is checked against it; a plugin may show
 * it in a diagnostic.
 */
public final class ApiVersion {

    private static final String VERSION = read();

    private ApiVersion() {
    }

    /** The API version this class was built as, qualifier included (e.g. {@code 0.2.0-SNAPSHOT}). */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            if (in == null) throw new IllegalStateException("api-version.properties is missing from rekindle-api");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version").trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
