package dev.rekindle.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Colours appear only on a terminal that shows them, and never change what the text says or its layout. */
class StyleTests {

    @AfterEach
    void off() {
        Style.enable(false);
    }

    @Test
    void shouldColourOnlyRealTerminalsWithoutNoColor() {
        assertThat(Style.decide("auto", "xterm-256color", true, null)).isTrue();
        assertThat(Style.decide("auto", "dumb", true, null)).as("dumb terminal").isFalse();
        assertThat(Style.decide("auto", null, true, null)).as("no TERM (cron)").isFalse();
        assertThat(Style.decide("auto", "xterm", false, null)).as("output piped to a file").isFalse();
        assertThat(Style.decide("auto", "xterm", true, "1")).as("NO_COLOR").isFalse();
        assertThat(Style.decide("never", "xterm", true, null)).isFalse();
        assertThat(Style.decide("always", "dumb", false, null)).isTrue();
    }

    @Test
    void shouldLeavePlainTextAloneWhenColoursAreOff() {
        Style.enable(false);
        String table = new Table("name", "count").row("沉默", 12).render(OutputFormat.TABLE);
        assertThat(table).doesNotContain("\u001b");
        assertThat(Style.error("Error: ")).isEqualTo("Error: ");
    }

    @Test
    void shouldKeepColumnsAlignedWhenHeadersAreColoured() {
        Table t = new Table("name", "count").row("沉默客户", 12).row("active", 3);
        Style.enable(false);
        String plain = t.render(OutputFormat.TABLE);
        Style.enable(true);
        String coloured = t.render(OutputFormat.TABLE);

        assertThat(coloured).contains("\u001b[1mname\u001b[0m");
        assertThat(Style.plain(coloured)).isEqualTo(plain);
        assertThat(TextWidth.of(Style.heading("沉默"))).isEqualTo(4);
    }

    @Test
    void shouldNeverColourMachineReadableOutput() {
        Style.enable(true);
        Table t = new Table("name", "count").row("a", 1);
        assertThat(t.render(OutputFormat.JSON)).doesNotContain("\u001b");
        assertThat(t.render(OutputFormat.CSV)).doesNotContain("\u001b");
    }
}
