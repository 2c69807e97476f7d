package dev.rekindle.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled app (target/rekindle: the Boot jar + the plugins folder with the real plugin jars)
 * started as a separate process, the way the launcher starts it, with the exit codes a script relies on.
 */
class SmokeIT {

    static final Path DIST = Path.of(System.getProperty("rekindle.dist", "target/rekindle")).toAbsolutePath();
    static final Path PROJECT = DIST.getParent().getParent().getParent();

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    Run rekindle(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drekindle.home=" + home, "-Drekindle.plugins.dir=" + DIST.resolve("plugins"),
                "-jar", DIST.resolve("rekindle-app.jar").toString()));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    static Run exec(List<String> cmd) throws IOException, InterruptedException {
        return exec(cmd, "C.UTF-8");
    }

    /** Runs with a given LANG: the interface language follows the system locale unless --lang says otherwise. */
    static Run exec(List<String> cmd, String lang) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("LANG", lang);
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_MESSAGES");
        pb.environment().remove("REKINDLE_LANGUAGE");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the app must exit");
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void theRealPluginJarsLoadWithTheirExtensions() throws Exception {
        Run r = rekindle("--db", home.resolve("shop.db").toString(), "plugins", "list");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*channel-taobao-group\\s+\\S+\\s+STARTED\\s+TaobaoGroupChannel.*"), r.out());
        assertFalse(r.out().contains("NOT LOADED"), r.out());
    }

    @Test
    void theStrategiesPluginBringsItsTenStrategies() throws Exception {
        Run r = rekindle("--db", home.resolve("strategies.db").toString(), "strategies", "list", "--format", "csv");

        assertEquals(0, r.exit(), r.err());
        assertEquals(11, r.out().strip().split("\n").length, r.out());
        assertTrue(r.out().contains("winback-silent,MARKETING"), r.out());
    }

    @Test
    void aNewDatabaseGivenWithDbIsCreatedEmpty() throws Exception {
        Path db = home.resolve("new/shop.db");
        Run r = rekindle("--db", db.toString(), "status");

        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(db));
        assertTrue(r.out().contains("Customers  0 "), r.out());
    }

    @Test
    void theEmbeddedDatabaseIsFilledWithDemoDataOnFirstStart() throws Exception {
        Run r = rekindle("customers", "find", "--name", "王", "--limit", "3");

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Created the demo database"), r.err());
        assertTrue(r.out().matches("(?s).*\\d{3}\\*{4}\\d{4}.*"), "masked mobiles: " + r.out());
        assertTrue(Files.exists(home.resolve("data/rekindle.db")));
    }

    @Test
    void exitCodesTellScriptsWhatHappened() throws Exception {
        String db = home.resolve("codes.db").toString();
        assertEquals(0, rekindle("--db", db, "help").exit());
        Run unknown = rekindle("--db", db, "nonsense");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown command 'nonsense'"), unknown.err());
        Run badOption = rekindle("--db", db, "customers", "find", "--bogus", "1");
        assertEquals(2, badOption.exit());
        Run failed = rekindle("--db", db, "customers", "show", "nobody");
        assertEquals(1, failed.exit());
        assertTrue(failed.err().startsWith("Error: no customer"), failed.err());
        assertFalse(failed.err().contains("at dev.rekindle"), "no stack trace: " + failed.err());
        Run missingScript = rekindle("--db", db, "@" + home.resolve("nope.rk"));
        assertEquals(1, missingScript.exit());
        assertTrue(missingScript.err().contains("script file not found"), missingScript.err());
    }

    @Test
    void theInterfaceSpeaksChineseByLocaleOrByChoice() throws Exception {
        String db = home.resolve("lang.db").toString();
        List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drekindle.home=" + home, "-Drekindle.plugins.dir=" + DIST.resolve("plugins"),
                "-jar", DIST.resolve("rekindle-app.jar").toString());

        Run byLocale = exec(concat(java, "--db", db, "help"), "zh_CN.UTF-8");
        assertEquals(0, byLocale.exit(), byLocale.err());
        assertTrue(byLocale.out().contains("入门") && byLocale.out().contains("营销活动"), byLocale.out());

        Run byChoice = exec(concat(java, "--lang", "en", "--db", db, "help"), "zh_CN.UTF-8");
        assertTrue(byChoice.out().contains("Getting started"), byChoice.out());

        Run error = rekindle("--lang", "zh", "--db", db, "customers", "show", "nobody");
        assertEquals(1, error.exit());
        assertTrue(error.err().startsWith("错误："), error.err());
        assertFalse(error.err().contains("\u001b["), "no colour codes when not on a terminal: " + error.err());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void quotedArgumentsWithSpacesSurvive() throws Exception {
        String db = home.resolve("quotes.db").toString();
        rekindle("--db", db, "demo", "reset", "--customers", "50", "--yes");
        Run r = rekindle("--db", db, "customers", "find", "--name", "王 小");

        assertEquals(0, r.exit(), r.err());
        assertEquals("No customer matches.", r.out().strip());
    }

    @Test
    void aScriptRunsLineByLineAndStopsAtTheFirstFailureNamingTheLine() throws Exception {
        String db = home.resolve("script.db").toString();
        Path script = home.resolve("daily.rk");
        Files.writeString(script, """
                # a comment, then a blank line

                demo reset --customers 30 --yes
                status
                customers show nobody
                status
                """);

        Run r = rekindle("--db", db, "@" + script);

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Demo data: 30 customers"), r.out());
        assertEquals(1, r.out().split("Database ", -1).length - 1, "status ran once, before the failure: " + r.out());
        assertTrue(r.err().contains("stopped at line 5 (exit 1): customers show nobody"), r.err());
    }

    @Test
    void theLauncherRunsOneCommandWithItsExitCode() throws Exception {
        Path launcher = PROJECT.resolve("rekindle");
        List<String> cmd = List.of("env", "REKINDLE_NO_BUILD=1", launcher.toString(), "--db",
                home.resolve("launcher.db").toString(), "customers", "show", "nobody");

        Run r = exec(cmd);

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no customer with buyer id 'nobody'"), r.err());
    }

    /**
     * The launcher picks the newest JDK (25 here, with its AOT cache) unless told otherwise; on it and on the
     * Java 17 the build uses, one-shot help prints the same commands and not one JVM warning (JDK 25 warns
     * about sqlite-jdbc's native library unless the launcher allows it).
     */
    @Test
    void theLauncherStartsCleanlyOnTheJdkItPicksAndOnTheBuildsJava() throws Exception {
        Path launcher = PROJECT.resolve("rekindle");
        String picked = null;
        for (String java : List.of("", System.getProperty("java.home"))) {
            Run r = exec(List.of("env", "REKINDLE_NO_BUILD=1", "REKINDLE_SHOW_JVM=1", "REKINDLE_JAVA=" + java, launcher.toString(),
                    "--db", home.resolve("help.db").toString(), "help"));

            assertEquals(0, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("status ") && r.out().contains("customers find"), r.out());
            List<String> other = r.err().lines()
                    .filter(l -> !l.startsWith("rekindle: java ") && !l.startsWith("rekindle: preparing a start-up archive"))
                    .toList();
            assertEquals(List.of(), other, "nothing else on stderr: " + r.err());
            assertTrue(r.err().contains(java.isEmpty() ? "rekindle: java " : "rekindle: java " + java), r.err());
            assertFalse(r.err().contains("(none: training failed)"), r.err());
            if (picked == null) picked = r.out();
            else assertEquals(picked, r.out(), "the same help on both JDKs");
        }
    }
}
