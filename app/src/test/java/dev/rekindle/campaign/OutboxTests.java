package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Offer;
import dev.rekindle.api.Purpose;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.console.CsvCells;
import dev.rekindle.console.UserException;
import dev.rekindle.template.Rendered;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The outbox writes what Jackson writes, byte for byte, whatever the text holds; CSV as before. */
class OutboxTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path tmp;

    /** Every ASCII character (controls, quotes, backslash), Chinese, an emoji, an unusual 2-byte letter. */
    private static List<PlannedMessage.Message> awkward() {
        StringBuilder ascii = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            ascii.append(c);
        }
        List<PlannedMessage.Message> out = new ArrayList<>();
        String[] texts = {"【暖心小铺】王女士，元旦快乐！回T退订", ascii.toString(), "emoji 😀 é ß \u2028 \u00a0", "", "a\"b\\c\nd"};
        for (int i = 0; i < texts.length; i++) {
            boolean email = i % 2 == 1;
            Offer offer = i == 2 ? new Offer("VIP\"20", "满200减20 \"券\"", "d") : null;
            Rendered r = new Rendered("winback-silent/" + (email ? "email" : "sms") + ".ftl", email ? "主题 " + texts[i] : null, texts[i],
                    null);
            out.add(new PlannedMessage.Message(i, "buyer\"" + i, email ? "email" : "sms", email ? ContactKind.EMAIL : ContactKind.MOBILE,
                    7, i == 0 ? Purpose.CARE : Purpose.MARKETING, email ? "a@b.cn" : "13912345678", r, Map.of(),
                    email ? "a***@b.cn" : "139****5678", "winback-silent", offer, email ? 0 : i + 1));
        }
        return out;
    }

    private static String jackson(PlannedMessage.Message m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("campaign", m.campaignId());
        n.put("customer", m.buyerId());
        n.put("channel", m.channel());
        n.put("to", m.maskedRecipient());
        n.put("strategy", m.strategy());
        n.put("purpose", m.purpose().name());
        n.put("offer", m.offer() == null ? "" : m.offer().code());
        n.put("offer_title", m.offer() == null ? "" : m.offer().title());
        if (m.subject() != null) {
            n.put("subject", m.subject());
        }
        n.put("text", m.text());
        if (m.smsParts() > 0) {
            n.put("sms_parts", m.smsParts());
        }
        n.put("template", m.template());
        return JSON.writeValueAsString(n);
    }

    private Path write(String name, List<PlannedMessage> messages, int chunkSize) {
        Path file = tmp.resolve(name);
        try (Outbox outbox = new Outbox(file)) {
            Outbox.Lines lines = outbox.lines();
            for (int i = 0; i < messages.size(); i++) {
                lines.accept(messages.get(i));
                if ((i + 1) % chunkSize == 0) {
                    outbox.write(lines.finish());
                }
            }
            outbox.write(lines.finish());
        }
        return file;
    }

    @Test
    void shouldWriteJsonLinesAsJacksonDoes() throws Exception {
        List<PlannedMessage.Message> ms = awkward();
        List<PlannedMessage> all = new ArrayList<>(ms);
        all.add(2, new PlannedMessage.Skip(99, "b", "sms", SkipReason.OPTED_OUT));
        Path file = write("out.jsonl", all, 2);

        StringBuilder expected = new StringBuilder();
        ms.forEach(m -> expected.append(jackson(m)).append('\n'));
        assertEquals(expected.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void shouldCountMessagesPartsAndSkipsPerChunk() {
        Outbox.Lines lines;
        try (Outbox outbox = new Outbox(tmp.resolve("c.jsonl"))) {
            lines = outbox.lines();
        }
        awkward().forEach(lines::accept);
        lines.accept(new PlannedMessage.Skip(99, "b", "sms", SkipReason.OPTED_OUT));
        Outbox.Lines.Chunk c = lines.finish();
        assertEquals(6, c.handled());
        assertEquals(5, c.messages());
        assertEquals(1 + 3 + 5, c.smsParts());
        assertEquals(Map.of("sms", 3L, "email", 2L), c.byChannel());
        assertEquals(List.of("sms", "email"), List.copyOf(c.byChannel().keySet()));
        assertEquals(Map.of(SkipReason.OPTED_OUT.code(), 1L), c.skipped());
        assertEquals(0, lines.finish().handled());
    }

    @Test
    void shouldWriteCsvWithBomHeaderAndQuotedCells() throws Exception {
        List<PlannedMessage> all = new ArrayList<>(awkward());
        Path file = write("out.csv", all, 3);

        StringBuilder expected = new StringBuilder("\uFEFF" + String.join(",", Outbox.COLUMNS) + "\r\n");
        for (PlannedMessage p : all) {
            PlannedMessage.Message m = (PlannedMessage.Message) p;
            Object[] v = {m.campaignId(), m.buyerId(), m.channel(), m.maskedRecipient(), m.strategy(), m.purpose().name(),
                    m.offer() == null ? "" : m.offer().code(), m.offer() == null ? "" : m.offer().title(), m.subject(), m.text(),
                    m.smsParts() == 0 ? "" : m.smsParts(), m.template()};
            List<String> cells = new ArrayList<>();
            for (Object o : v) {
                cells.add(CsvCells.cell(o == null ? "" : String.valueOf(o))); // quoted by hand: the writer quotes by FastCSV
            }
            expected.append(String.join(",", cells)).append("\r\n");
        }
        assertEquals(expected.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void anOutboxWhereNoFileCanBeShouldSaySo() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path file = notAFolder.resolve("out.jsonl");

        UserException e = assertThrows(UserException.class, () -> new Outbox(file));
        assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Choose a folder you can write to."), e.getMessage());
        // why, in words (the JDK's exception says only the path)
        assertTrue(e.getMessage().contains(notAFolder + " is a file, not a folder"), e.getMessage());
    }

    @Test
    void aCsvOutboxShouldNeutraliseFormulaCellsAndKeepNumbers() throws Exception {
        Rendered r = new Rendered("winback-silent/sms.ftl", null, "+1+1", null);
        PlannedMessage.Message m = new PlannedMessage.Message(1, "=cmd|' /C calc'!A0", "sms", ContactKind.MOBILE, 7,
                Purpose.MARKETING, "13912345678", r, Map.of(), "139****5678", "winback-silent",
                new Offer("@SUM(1)", "=HYPERLINK(\"http://evil.example\",\"券\")", "d"), 1);

        String csv = Files.readString(write("out.csv", List.of(m), 1), StandardCharsets.UTF_8);

        assertTrue(csv.contains("\r\n7,'=cmd|' /C calc'!A0,sms,139****5678,winback-silent,MARKETING,'@SUM(1),"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"券\"\")\",,'+1+1,1,winback-silent/sms.ftl\r\n"), csv);
    }
}
