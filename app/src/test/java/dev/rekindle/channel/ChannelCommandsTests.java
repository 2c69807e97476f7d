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
        assertTrue(r.out().contains("yes"), r.out());
        assertTrue(r.out().contains("unlimited"), r.out());
        // the screen leaves the plugin to plugins list and keeps the title's first clause; scripts get both whole
        assertTrue(r.out().contains("Appends messages to a local file"), r.out());
        assertFalse(r.out().contains("(built in;"), r.out());
        assertTrue(run("channels list --format json").out().contains("\"plugin\" : \"builtin\""));
    }

    @Test
    void aTitleIsShortenedToItsFirstClauseOnScreen() {
        assertEquals("SMS through Aliyun", ChannelCommands.shortTitle("SMS through Aliyun (SendSms/SendBatchSms; unknown outcomes looked up)"));
        assertEquals("WeChat official account subscription messages",
                ChannelCommands.shortTitle("WeChat official account subscription messages: care notices only (marketing is banned there)"));
        assertEquals("Email over SMTP", ChannelCommands.shortTitle("Email over SMTP"));
        assertEquals("企业微信群机器人", ChannelCommands.shortTitle("企业微信群机器人：发到客户群"));
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
