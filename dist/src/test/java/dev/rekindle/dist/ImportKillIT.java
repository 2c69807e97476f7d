package dev.rekindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A big import is killed (SIGKILL) while it writes: the database must be exactly as before — same rows,
 * intact — and the same import run again must succeed. Big imports write through a rollback journal
 * instead of the write-ahead log, so this is what proves that the journal puts the old pages back.
 */
class ImportKillIT {

    private static final Path DIST = Path.of(System.getProperty("rekindle.dist", "target/rekindle")).toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void aKilledImportLeavesTheDatabaseAsItWasAndCanBeRunAgain() throws Exception {
        Path db = home.resolve("shop.db");
        Path small = Files.writeString(home.resolve("small.csv"), """
                order_id,customer_id,time,amount
                S-1,alice,2024-01-02 10:00:00,10.00
                S-2,bob,2024-01-03 10:00:00,20.00
                """);
        assertEquals(0, run(db, "orders", "import", small.toString()).waitFor());
        Path big = home.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("order_id,customer_id,time,amount\n");
            for (int i = 1; i <= 1_500_000; i++) {
                w.write("B-" + i + ",buyer" + (i % 200_000) + ",2024-0" + (1 + i % 9) + "-1" + (i % 10) + " 10:00:00," + (i % 500) + ".50\n");
            }
        }

        Process p = run(db, "orders", "import", big.toString());
        Path journal = home.resolve("shop.db-journal");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Files.exists(journal) && p.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the import must still be running when it is killed (journal seen: " + Files.exists(journal) + ")");
        Thread.sleep(1500); // well into writing rows
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = con.createStatement()) {
            assertEquals("ok", one(st, "PRAGMA integrity_check"));
            assertEquals("2", one(st, "SELECT count(*) FROM orders"), "only the orders from before the killed import");
            assertEquals("2", one(st, "SELECT count(*) FROM customers"));
            assertEquals("2", one(st, "SELECT count(*) FROM customer_stats"));
        }

        Process again = run(db, "orders", "import", big.toString());
        assertEquals(0, again.waitFor(), Files.readString(home.resolve("again.out")));
        try (Connection con = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = con.createStatement()) {
            assertEquals("1500002", one(st, "SELECT count(*) FROM orders"));
            assertEquals("wal", one(st, "PRAGMA journal_mode"), "the database is back in WAL mode after the import");
        }
    }

    private int runs;

    private Process run(Path db, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Drekindle.home=" + home, "-Drekindle.plugins.dir=" + DIST.resolve("plugins"),
                "-jar", DIST.resolve("rekindle-app.jar").toString(), "--db", db.toString()));
        cmd.addAll(List.of(args));
        Path out = home.resolve(runs++ == 2 ? "again.out" : "run-" + runs + ".out");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static String one(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
