package dev.rekindle.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The one table renderer: lists, reports with formatted figures, JSON and CSV for scripts. */
class TableTests {

    @Test
    void chineseTextLinesUpAndNumbersAlignRight() {
        String text = new Table("city", "n").row("上海", 5).row("Lhasa", 120).render(OutputFormat.TABLE);

        assertEquals("""
                city   n
                -----  ---
                上海     5
                Lhasa  120""", text);
    }

    @Test
    void formattedFiguresAlignRightInAColumnMarkedWithGreaterThan() {
        Table t = new Table("group", ">conversion").row("contacted", "10.42%").row("holdout", "9.1%");

        assertEquals("""
                group      conversion
                ---------  ----------
                contacted      10.42%
                holdout          9.1%""", t.render(OutputFormat.TABLE));
        assertTrue(t.render(OutputFormat.JSON).contains("\"conversion\" : \"10.42%\""), t.render(OutputFormat.JSON));
        assertTrue(t.render(OutputFormat.CSV).startsWith("group,conversion\n"), t.render(OutputFormat.CSV));
    }

    @Test
    void csvNeutralisesFormulasQuotesWhereNeededAndKeepsNumbers() {
        String csv = new Table("name", "note", "delta")
                .row("=HYPERLINK(\"http://x\")", "a, b", -12.5)
                .row("-1+1", "-3.5", 7)
                .render(OutputFormat.CSV);

        assertEquals("""
                name,note,delta
                "'=HYPERLINK(""http://x"")","a, b",-12.5
                '-1+1,-3.5,7""", csv);
    }

    @Test
    void aTableThatIsTooWideWrapsItsWidestTextColumnAndLosesNothing() {
        String error = "the plugin could not be loaded: class dev.example.sms.AliyunSmsChannel needs rekindle-api 2.x, "
                + "this Rekindle provides 1.4; rebuild the plugin against the installed api or update Rekindle";
        Table t = new Table("id", "state", "file", "error").fit(80)
                .row("sms-aliyun", "FAILED", "plugins/rekindle-sms-aliyun-1.2.0.jar", error)
                .row("email", "STARTED", "plugins/rekindle-email-1.0.0.jar", "");

        String text = t.render(OutputFormat.TABLE);

        int widest = Arrays.stream(text.split("\n")).mapToInt(TextWidth::of).max().orElse(0);
        assertTrue(widest <= 80, widest + "\n" + text);
        String[] lines = text.split("\n");
        int at = lines[0].indexOf("error");
        String column = Arrays.stream(lines).skip(2).takeWhile(l -> !l.startsWith("email "))
                .map(l -> l.length() > at ? l.substring(at) : "").reduce("", String::concat);
        assertEquals(error.replace(" ", ""), column.replace(" ", ""), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("email ")), text); // the next row starts on its own line
        assertEquals(t.render(OutputFormat.JSON), new Table("id", "state", "file", "error")
                .row("sms-aliyun", "FAILED", "plugins/rekindle-sms-aliyun-1.2.0.jar", error)
                .row("email", "STARTED", "plugins/rekindle-email-1.0.0.jar", "").render(OutputFormat.JSON));
    }

    @Test
    void whenItMustWrapItWrapsProseBeforeItCutsAnId() {
        String text = new Table("id", "plugin", "title").fit(60)
                .row("taobao-group", "channel-taobao-group", "Taobao group: paste-ready message files per group and day")
                .render(OutputFormat.TABLE);

        assertTrue(text.lines().allMatch(l -> TextWidth.of(l) <= 60), text);
        assertTrue(text.contains("taobao-group  channel-taobao-group  Taobao group:"), text);
    }

    @Test
    void aFittedTableWrapsTheWidestColumnWhileJsonAndCsvKeepTheWholeText() {
        String url = "jdbc:sqlite:/srv/shop/data/rekindle.db?foreign_keys=true&journal_mode=WAL&busy_timeout=5000"
                + "&synchronous=NORMAL&transaction_mode=IMMEDIATE&mmap_size=2147418112";
        String source = "made from rekindle.db, with SQLite's settings";
        Table t = new Table("setting", "value", "source").fit(Table.SCREEN).row("spring.datasource.url", url, source);

        t.render(OutputFormat.TABLE).lines().forEach(l -> assertTrue(TextWidth.of(l) <= Table.SCREEN, l));
        assertTrue(t.render(OutputFormat.TABLE).contains(source), "the short prose column stays whole");
        assertTrue(t.render(OutputFormat.JSON).contains(url));
        assertTrue(t.render(OutputFormat.CSV).contains(url));
    }

    @Test
    void anOffScreenColumnIsLeftOutOnScreenOnlyAndAlignmentFollowsTheShownColumns() {
        Table t = new Table("snapshot", "id", ">share").offScreen(0).row(7, "tb1", "10%").row(7, "tb22", "5%");

        assertEquals("""
                id    share
                ----  -----
                tb1     10%
                tb22     5%""", t.render(OutputFormat.TABLE));
        String csv = t.render(OutputFormat.CSV);
        assertTrue(csv.startsWith("snapshot,id,share") && csv.contains("7,tb1,10%"), csv);
        assertTrue(t.render(OutputFormat.JSON).contains("\"snapshot\" : 7"), t.render(OutputFormat.JSON));
    }
}
