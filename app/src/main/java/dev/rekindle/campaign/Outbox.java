package dev.rekindle.campaign;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dry-run outbox: one line per message, JSON lines (or CSV when the file name ends in .csv), with
 * the recipient masked — a file to read and share, not a send list. Columns: campaign, customer,
 * channel, to, strategy, purpose, offer, offer_title, subject, text, sms_parts, template.
 */
final class Outbox implements AutoCloseable {

    static final String[] COLUMNS = {"campaign", "customer", "channel", "to", "strategy", "purpose", "offer", "offer_title",
            "subject", "text", "sms_parts", "template"};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Writer out;
    private final boolean csv;
    private final JsonGenerator json;
    private long lines;

    Outbox(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            this.csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
            if (csv) {
                out.write('\uFEFF'); // Excel opens UTF-8 CSV with Chinese text correctly only with a BOM
                out.write(String.join(",", COLUMNS));
                out.write("\r\n");
                json = null;
            } else {
                json = JSON.writer().withRootValueSeparator("\n").createGenerator(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(PlannedMessage.Message m) {
        lines++;
        var msg = m.message();
        String offer = m.offer() == null ? "" : m.offer().code();
        String offerTitle = m.offer() == null ? "" : m.offer().title();
        try {
            if (csv) {
                Object[] v = {msg.campaignId(), m.buyerId(), m.channel(), m.maskedRecipient(), m.strategy(), msg.purpose().name(),
                        offer, offerTitle, msg.subject(), msg.text(), m.smsParts() == 0 ? "" : m.smsParts(), m.template()};
                for (int i = 0; i < v.length; i++) {
                    if (i > 0) out.write(',');
                    out.write(csvCell(v[i] == null ? "" : String.valueOf(v[i])));
                }
                out.write("\r\n");
                return;
            }
            json.writeStartObject();
            json.writeNumberProperty("campaign", msg.campaignId());
            json.writeStringProperty("customer", m.buyerId());
            json.writeStringProperty("channel", m.channel());
            json.writeStringProperty("to", m.maskedRecipient());
            json.writeStringProperty("strategy", m.strategy());
            json.writeStringProperty("purpose", msg.purpose().name());
            json.writeStringProperty("offer", offer);
            json.writeStringProperty("offer_title", offerTitle);
            if (msg.subject() != null) {
                json.writeStringProperty("subject", msg.subject());
            }
            json.writeStringProperty("text", msg.text());
            if (m.smsParts() > 0) {
                json.writeNumberProperty("sms_parts", m.smsParts());
            }
            json.writeStringProperty("template", m.template());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String csvCell(String s) {
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public void close() {
        try {
            if (json != null) {
                json.flush();
                if (lines > 0) {
                    out.write('\n'); // Jackson separates lines; the last one ends with a newline too
                }
                json.close();
            }
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
