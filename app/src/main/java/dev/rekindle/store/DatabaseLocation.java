package dev.rekindle.store;

import dev.rekindle.console.UserException;
import dev.rekindle.i18n.Tr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which database file Rekindle works on, and whether it existed before this start. The embedded default
 * ({@code data/rekindle.db}) is filled with demo data when it is created; a file given with --db is
 * created empty, ready for the operator's own imports.
 *
 * @param path      the SQLite file, or null when a full JDBC URL was configured
 * @param jdbcUrl   the URL the pool connects to
 * @param embedded  true for the default demo database
 * @param existedBefore whether the file was there before Rekindle opened it
 */
public record DatabaseLocation(Path path, String jdbcUrl, boolean embedded, boolean existedBefore) {

    /**
     * Pragmas applied to every pooled connection (see TOOLCHAIN.md: IMMEDIATE avoids SQLITE_BUSY_SNAPSHOT).
     * Reads are memory-mapped (up to 2 GB of the file): a million rows through SQLite's 2 MB page cache spend as
     * much time in read() calls as in SQL. Set once per connection, when it opens: asking again before each
     * read cost 2 % of a dry run.
     */
    static final String PRAGMAS = "?foreign_keys=true&journal_mode=WAL&busy_timeout=5000&synchronous=NORMAL"
            + "&transaction_mode=IMMEDIATE&mmap_size=2147418112";

    public static DatabaseLocation resolve(String configuredUrl, String dbPath, boolean explicit) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return new DatabaseLocation(null, configuredUrl, false, true);
        }
        Path path = Path.of(dbPath).toAbsolutePath().normalize();
        boolean existed = Files.exists(path);
        try {
            // sqlite-jdbc does not create the folder
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new UserException(Tr.f("cannot create the folder for the database %s: %s. Choose another place with --db.",
                    path, UserException.reason(e)), e);
        }
        return new DatabaseLocation(path, "jdbc:sqlite:" + path + PRAGMAS, !explicit, existed);
    }

    public String describe() {
        return path != null ? path.toString() : jdbcUrl.replaceAll("password=[^&;]*", "password=****");
    }
}
