package dev.rekindle.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.ShellTestSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class ChannelCommandsTests extends ShellTestSupport {

    @Value("${rekindle.data-dir}")
    String dataDir;

    @Test
    void shouldListTheBuiltInChannelAsReadyWithItsRate() {
        Result r = run("channels list");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("file"), r.out());
        assertTrue(r.out().contains("builtin"), r.out());
        assertTrue(r.out().contains("yes"), r.out());
        assertTrue(r.out().contains("unlimited"), r.out());
    }

    @Test
    void shouldListAsJsonForScripts() {
        Result r = run("channels list --format json");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("\"id\" : \"file\""), r.out());
        assertTrue(r.out().contains("\"ready\" : \"yes\""), r.out());
    }

    @Test
    void shouldSendATestMessageAndShowTheRecipientMasked() throws Exception {
        Result r = run("channels test file --to 13812345678");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("to 138****5678: accepted"), r.out());
        assertFalse(r.all().contains("13812345678"), "never the full number");
        String written = Files.readString(Path.of(dataDir, "outbox", "file-channel.jsonl"), StandardCharsets.UTF_8);
        assertTrue(written.contains("测试消息"), written);
    }

    @Test
    void anUnknownChannelIsAnErrorNamingTheChannels() {
        Result r = run("channels test fax --to 13812345678");

        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no channel 'fax'. Channels: file"), r.err());
    }

    @Test
    void aWrongAddressIsAUsageError() {
        Result r = run("channels test file --to 12345");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--to must be a mainland mobile number"), r.err());
    }

    @Test
    void theAddressIsRequired() {
        assertEquals(2, run("channels test file").exit());
    }
}
