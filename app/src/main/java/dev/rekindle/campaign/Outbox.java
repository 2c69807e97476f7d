package dev.rekindle.campaign;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.CsvCells;
import dev.rekindle.console.UserException;
import dev.rekindle.console.Visible;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The dry-run outbox: one line per message, JSON lines (or CSV when the file name ends in .csv), with
 * the recipient masked — a file to read and share, not a send list. Columns: campaign, customer,
 * channel, to, strategy, purpose, offer, offer_title, subject, text, sms_parts, template.
 * <p>
 * Lines are encoded by {@link Lines} — one per rendering thread, a chunk of messages at a time, straight
 * into UTF-8 bytes (a million lines through a JSON library's generator and a character encoder cost more
 * than rendering them) — and written here in chunk order. The JSON is what Jackson writes: only
 * {@code "}, {@code \} and control characters are escaped, Chinese text stays as it is.
 */
final class Outbox implements AutoCloseable {

    static final String[] COLUMNS = {"campaign", "customer", "channel", "to", "strategy", "purpose", "offer", "offer_title",
            "subject", "text", "sms_parts", "template"};

    private final OutputStream out;
    private final boolean csv;
    /** Chunk buffers already written, for the next chunks: a million lines are ~300 MB that need not be allocated again. */
    private final Queue<byte[]> spare = new ConcurrentLinkedQueue<>();

    Outbox(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            this.csv = file.getFileName().toString().toLowerCase().endsWith(".csv");
            this.out = Files.newOutputStream(file);
            if (csv) {
                // Excel opens UTF-8 CSV with Chinese text correctly only with a BOM
                out.write(("\uFEFF" + String.join(",", COLUMNS) + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw UserException.cannotWrite(file, e);
        }
    }

    /** An empty chunk of lines in this outbox's format. */
    Lines lines() {
        return new Lines(csv, spare);
    }

    /** Appends a chunk's lines (in the order chunks are handed over). */
    void write(Lines.Chunk chunk) {
        try {
            out.write(chunk.bytes(), 0, chunk.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spare.offer(chunk.bytes());
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CSV cell's text before quoting (FastCSV quotes): numbers as they are, text neutralised against
     * spreadsheet formulas (names and texts come from import files), as {@link CsvCells#cell} writes cells.
     */
    static String csvText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return String.valueOf(n);
        }
        return CsvCells.neutralised(Visible.text(String.valueOf(v)));
    }

    /**
     * The lines of one chunk of messages, with its counts. Not thread-safe: one per thread; {@link #finish()}
     * hands the chunk over and starts the next.
     */
    static final class Lines implements CampaignMessages.ChunkWork<Lines.Chunk> {

        /** A finished chunk: its UTF-8 lines and what it counted. */
        record Chunk(byte[] bytes, int length, long handled, long messages, long smsParts, Map<String, Long> byChannel,
                Map<String, Long> skipped) {
        }

        private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

        private final boolean csv;
        private final Queue<byte[]> spare;
        private byte[] buf = new byte[1 << 16];
        private int len;
        private long handled;
        private long messages;
        private long smsParts;
        private Map<String, Long> byChannel = new LinkedHashMap<>();
        private Map<String, Long> skipped = new LinkedHashMap<>();
        // the campaign's id as text: every line repeats it
        private long campaignId;
        private String campaignText;

        /** CSV lines by FastCSV (RFC 4180 quoting), written into this chunk's buffer; null for JSON lines. */
        private final CsvWriter csvWriter;
        private final String[] csvCells = new String[COLUMNS.length];

        Lines(boolean csv, Queue<byte[]> spare) {
            this.csv = csv;
            this.spare = spare;
            this.csvWriter = csv ? CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(new OutputStream() {
                @Override
                public void write(int b) {
                    room(1);
                    buf[len++] = (byte) b;
                }

                @Override
                public void write(byte[] b, int off, int n) {
                    room(n);
                    System.arraycopy(b, off, buf, len, n);
                    len += n;
                }
            }, StandardCharsets.UTF_8) : null;
        }

        @Override
        public void accept(PlannedMessage planned) {
            handled++;
            if (planned instanceof PlannedMessage.Message m) {
                messages++;
                smsParts += m.smsParts();
                byChannel.merge(m.channel(), 1L, Long::sum);
                if (csv) {
                    csvLine(m);
                } else {
                    jsonLine(m);
                }
            } else if (planned instanceof PlannedMessage.Skip s) {
                skipped.merge(s.reason().code(), 1L, Long::sum);
            }
        }

        @Override
        public Chunk finish() {
            if (csvWriter != null) {
                try {
                    csvWriter.flush(); // FastCSV buffers: the chunk's last lines into this buffer
                } catch (IOException e) {
                    throw new UncheckedIOException(e); // never: the buffer is memory
                }
            }
            Chunk c = new Chunk(buf, len, handled, messages, smsParts, byChannel, skipped);
            int wanted = Math.max(1 << 16, len + (len >> 3));
            byte[] next = spare.poll();
            buf = next != null && next.length >= wanted ? next : new byte[wanted];
            len = 0;
            handled = 0;
            messages = 0;
            smsParts = 0;
            byChannel = new LinkedHashMap<>();
            skipped = new LinkedHashMap<>();
            return c;
        }

        /** Adds counts by key (channel, or skip reason as {@link SkipReason#code()}) keeping first-seen order. */
        static Map<String, Long> merge(Map<String, Long> into, Map<String, Long> from) {
            from.forEach((k, v) -> into.merge(k, v, Long::sum));
            return into;
        }

        /** How a column's value is written: as it is (a number), escaped, or escaped once and then copied. */
        private static final int NUMBER = 0;
        private static final int TEXT = 1;
        private static final int REPEATED = 2;
        /** Per column of {@link #COLUMNS}: how its value is written; subject and sms_parts are left out when absent. */
        private static final int[] HOW = {NUMBER, TEXT, REPEATED, TEXT, REPEATED, REPEATED, TEXT, TEXT, TEXT, TEXT, NUMBER, REPEATED};
        private static final byte[][] KEYS = keys();
        private static final int SUBJECT = 8;
        private static final int SMS_PARTS = 10;

        private static byte[][] keys() {
            byte[][] keys = new byte[COLUMNS.length][];
            for (int i = 0; i < COLUMNS.length; i++) {
                keys[i] = ((i == 0 ? "{\"" : ",\"") + COLUMNS[i] + "\":").getBytes(StandardCharsets.US_ASCII);
            }
            return keys;
        }

        private final String[] values = new String[COLUMNS.length];
        private final Encoded[] repeated = new Encoded[COLUMNS.length];

        {
            for (int i = 0; i < HOW.length; i++) {
                if (HOW[i] == REPEATED) {
                    repeated[i] = new Encoded();
                }
            }
        }

        /**
         * One loop over the columns rather than a call per column: the same bytes, but the JIT compiles the
         * escaping once instead of once per column (a dry run's compile time counts as much as its rendering).
         */
        private void jsonLine(PlannedMessage.Message m) {
            if (campaignText == null || m.campaignId() != campaignId) {
                campaignId = m.campaignId();
                campaignText = Long.toString(campaignId);
            }
            String[] v = values;
            v[0] = campaignText;
            v[1] = m.buyerId();
            v[2] = m.channel();
            v[3] = m.maskedRecipient();
            v[4] = m.strategy();
            v[5] = m.purpose().name();
            v[6] = m.offer() == null ? "" : m.offer().code();
            v[7] = m.offer() == null ? "" : m.offer().title();
            v[SUBJECT] = m.subject();
            v[9] = m.text();
            v[SMS_PARTS] = m.smsParts() > 0 ? Integer.toString(m.smsParts()) : null;
            v[11] = m.template();
            for (int i = 0; i < v.length; i++) {
                String value = v[i];
                if (value == null && (i == SUBJECT || i == SMS_PARTS)) {
                    continue;
                }
                if (HOW[i] == REPEATED) {
                    cached(repeated[i], KEYS[i], value);
                    continue;
                }
                bytes(KEYS[i]);
                if (HOW[i] == NUMBER) {
                    ascii(value);
                } else {
                    jsonString(value);
                }
            }
            room(2);
            buf[len++] = '}';
            buf[len++] = '\n';
        }

        private void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        private void csvLine(PlannedMessage.Message m) {
            String offer = m.offer() == null ? "" : m.offer().code();
            String offerTitle = m.offer() == null ? "" : m.offer().title();
            Object[] v = {m.campaignId(), m.buyerId(), m.channel(), m.maskedRecipient(), m.strategy(), m.purpose().name(),
                    offer, offerTitle, m.subject(), m.text(), m.smsParts() == 0 ? "" : m.smsParts(), m.template()};
            for (int i = 0; i < v.length; i++) {
                csvCells[i] = csvText(v[i]);
            }
            csvWriter.writeRecord(csvCells);
        }

        /** A value that repeats line after line (channel, strategy, template): its key and value are encoded once. */
        private static final class Encoded {
            String value;
            byte[] bytes;
        }

        private void cached(Encoded e, byte[] key, String value) {
            if (value == null) {
                bytes(key);
                ascii("null");
                return;
            }
            if (!value.equals(e.value)) {
                int start = len;
                bytes(key);
                jsonString(value);
                e.value = value;
                e.bytes = Arrays.copyOfRange(buf, start, len);
                return;
            }
            bytes(e.bytes);
        }

        private void jsonString(String s) {
            if (s == null) {
                ascii("null");
                return;
            }
            room(1);
            buf[len++] = '"';
            utf8(s, true);
            room(1);
            buf[len++] = '"';
        }

        private void ascii(String s) {
            int n = s.length();
            room(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
        }

        /** UTF-8 of {@code s}, JSON-escaped when asked. An unpaired surrogate becomes '?', as String.getBytes does. */
        private void utf8(String s, boolean json) {
            int n = s.length();
            room(n * 6); // an escaped control character takes six bytes, any other character at most three
            byte[] b = buf;
            int p = len;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (json && (c < 0x20 || c == '"' || c == '\\')) {
                        len = p;
                        escape(c);
                        p = len;
                        b = buf;
                        continue;
                    }
                    b[p++] = (byte) c;
                } else if (c < 0x800) {
                    b[p++] = (byte) (0xC0 | (c >> 6));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    int cp;
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        cp = Character.toCodePoint(c, s.charAt(++i));
                        b[p++] = (byte) (0xF0 | (cp >> 18));
                        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                        b[p++] = (byte) (0x80 | (cp & 0x3F));
                    } else {
                        b[p++] = '?';
                    }
                } else {
                    b[p++] = (byte) (0xE0 | (c >> 12));
                    b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            len = p;
        }

        /** As Jackson escapes: the short forms, else \\u00XX (room for it was reserved by the caller). */
        private void escape(char c) {
            buf[len++] = '\\';
            switch (c) {
                case '"' -> buf[len++] = '"';
                case '\\' -> buf[len++] = '\\';
                case '\b' -> buf[len++] = 'b';
                case '\t' -> buf[len++] = 't';
                case '\n' -> buf[len++] = 'n';
                case '\f' -> buf[len++] = 'f';
                case '\r' -> buf[len++] = 'r';
                default -> {
                    buf[len++] = 'u';
                    buf[len++] = '0';
                    buf[len++] = '0';
                    buf[len++] = HEX[c >> 4];
                    buf[len++] = HEX[c & 0xF];
                }
            }
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }
    }
}
