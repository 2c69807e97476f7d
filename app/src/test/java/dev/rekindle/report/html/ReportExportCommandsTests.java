package dev.rekindle.report.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rekindle.api.Stage;
import dev.rekindle.i18n.Language;
import dev.rekindle.i18n.Tr;
import dev.rekindle.report.CampaignFixture;
import dev.rekindle.shop.ShopProfile;
import dev.rekindle.support.ShellTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ReportExportCommandsTests extends ShellTestSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ShopFiguresReader reader;
    @Autowired
    ShopProfile shop;

    @TempDir
    Path dir;

    @Test
    void withoutASnapshotTheFiguresShouldComeFromCustomerAggregatesAndSaySo() throws Exception {
        run("demo reset --customers 300 --seed 4 --yes");
        jdbc.update("DELETE FROM customer_snapshot");
        jdbc.update("DELETE FROM snapshots");
        Path file = dir.resolve("r.html");

        Result r = run("report export --html " + file);

        assertEquals(0, r.exit(), r.all());
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.contains("customer aggregates with default thresholds 90/180/270/365 days (no segmentation snapshot yet"), html);
        ShopFigures f = reader.read(null, shop.today());
        long customers = jdbc.queryForObject("SELECT count(*) FROM customers", Long.class);
        assertEquals(customers, f.lifecycle().customers().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(jdbc.queryForObject("SELECT count(*) FROM customer_stats", Long.class), f.rfm().total());
        long active = jdbc.queryForObject("SELECT count(*) FROM customer_stats WHERE julianday(?) - julianday(date(last_order_at)) < 90",
                Long.class, shop.today().toString());
        assertEquals(active, f.lifecycle().customers().get("active"));
        assertEquals(12, f.months().size());
        long orders = jdbc.queryForObject("""
                SELECT count(*) FROM orders WHERE status IN ('paid', 'completed') AND created_at >= ?""", Long.class,
                f.months().get(0).month().atDay(1).toString());
        assertEquals(orders, f.months().stream().mapToLong(ShopFigures.Month::orders).sum());
    }

    @Test
    void theCurrentSnapshotShouldGiveTheLifecycleAndRfm() {
        run("demo reset --customers 200 --seed 4 --yes");
        Map<Long, String[]> rows = new HashMap<>();
        for (long c = 1; c <= 30; c++) rows.put(c, new String[]{c <= 10 ? "active" : "lost", "general_keep"});
        new CampaignFixture(jdbc).snapshot(shop.today().toString(), rows);

        ShopFigures f = reader.read(null, shop.today());

        assertEquals(10L, f.lifecycle().customers().get("active"));
        assertEquals(20L, f.lifecycle().customers().get("lost"));
        assertTrue(f.lifecycle().source().startsWith("segmentation snapshot #"), f.lifecycle().source());
        assertEquals(30, f.rfm().counts()[2][2], "the fixture scores every customer R 3, F 3");
    }

    @Test
    void inflowShouldCountCustomersTurningSilentNinetyDaysAfterTheirLastOrder() {
        run("demo reset --customers 200 --seed 4 --yes");
        ShopFigures f = reader.read(shop.today(), shop.today());
        long lastWeek = f.inflow().byStage().get("silent")[ShopFiguresReader.INFLOW_WEEKS - 1];
        long expected = jdbc.queryForObject("SELECT count(*) FROM customer_stats WHERE last_order_at >= ? AND last_order_at < ?",
                Long.class, shop.today().minusDays(96).toString(), shop.today().minusDays(89).toString());

        assertEquals(expected, lastWeek);
    }

    @Test
    void theShellAndTheReportShouldNameEveryStageWithTheSameWord() throws Exception {
        run("demo reset --customers 200 --seed 4 --yes");
        assertEquals(0, run("segments refresh").exit());
        Path file = dir.resolve("words.html");
        Tr.use(Language.ZH);
        try {
            Result shell = run("segments list");
            Result export = run("report export --html " + file);

            assertEquals(0, shell.exit(), shell.all());
            assertEquals(0, export.exit(), export.all());
            String html = Files.readString(file, StandardCharsets.UTF_8);
            for (Stage s : Stage.values()) {
                assertTrue(shell.out().contains(s.chineseName()), s + " in the shell: " + shell.out());
                assertTrue(html.contains(">" + s.chineseName() + " "), s + " in the report");
            }
            assertTrue(shell.out().contains("已流失") && html.contains("已流失"), "gone is 已流失 everywhere");
            for (String other : List.of("已离开", "已放弃", "沉睡")) {
                assertFalse(shell.out().contains(other) || html.contains(other), other);
            }
        } finally {
            Tr.use(Language.EN);
        }
        Result english = run("segments list");
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(english.out().contains("gone") && html.contains("已流失 gone"), english.out());
    }

    @Test
    void theReportShouldBeReadableAsTheUsersUmaskSays() throws Exception {
        run("demo reset --customers 50 --seed 4 --yes");
        Path file = dir.resolve("r.html");
        // what the user's umask makes of a new file here (Java cannot set the umask; it can observe it)
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assumeTrue(Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ),
                "a umask that lets others read new files (the usual 022)");

        Result r = run("report export --html " + file);

        assertEquals(0, r.exit(), r.all());
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file),
                "a web server (another user) must be able to read the report");
    }

    @Test
    void quintilesShouldGiveEqualValuesEqualScores() {
        long[] sorted = {1, 1, 1, 1, 1, 1, 2, 2, 3, 9};

        assertArrayEquals(new int[]{1, 4, 5, 5}, new int[]{ShopFiguresReader.quintile(sorted, 1),
                ShopFiguresReader.quintile(sorted, 2), ShopFiguresReader.quintile(sorted, 3), ShopFiguresReader.quintile(sorted, 9)});
    }

    @Test
    void wrongInputShouldSayWhatIsWrong() throws Exception {
        run("demo reset --customers 50 --seed 4 --yes");
        Files.createDirectories(dir.resolve("folder.html"));

        Result noFile = run("report export");
        Result badCampaign = run("report export --html " + dir.resolve("x.html") + " --campaign abc");
        Result missingCampaign = run("report export --html " + dir.resolve("x.html") + " --campaign 9999");
        Result folder = run("report export --html " + dir.resolve("folder.html"));

        assertEquals(2, noFile.exit());
        assertTrue(noFile.err().contains("report export --html report.html"), noFile.err());
        assertEquals(2, badCampaign.exit());
        assertEquals(1, missingCampaign.exit());
        assertEquals(1, folder.exit());
        assertTrue(folder.err().contains("is a folder"), folder.err());
    }
}
