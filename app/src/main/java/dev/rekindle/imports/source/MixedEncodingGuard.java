package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Refuses a GBK file with UTF-8 lines in it. GB18030 decodes almost any bytes, so a UTF-8 row in a file
 * read as GBK does not fail: {@code 张三} silently becomes {@code 寮犱笁}. A line that is valid UTF-8 and
 * holds at least two three-byte UTF-8 characters (Chinese text) is taken as UTF-8: GBK text forms such
 * byte sequences only by rare accident, while every Chinese UTF-8 name does. (The other way round, GBK
 * bytes in a UTF-8 file, the strict UTF-8 decoder already refuses.)
 *
 * <p>Works on the raw bytes as they stream past (a byte 0x0A is always a line end in GBK too), keeping
 * only the header line and the start of the current line for the message.
 */
final class MixedEncodingGuard extends FilterInputStream {

    private static final int KEEP = 4096;

    private final Path path;
    private final byte[] lineStart = new byte[KEEP];
    private int kept;
    private byte[] headerLine;
    private long line = 1;
    // UTF-8 validity of the current line
    private boolean valid = true;
    private int pending;
    private int sequenceLength;
    private int threeByteChars;

    MixedEncodingGuard(InputStream in, Path path) {
        super(in);
        this.path = path;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            scan((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            scan(b[off + i]);
        }
        return n;
    }

    private void scan(byte value) throws IOException {
        int b = value & 0xFF;
        if (b == '\n') {
            endOfLine();
            return;
        }
        if (kept < KEEP) {
            lineStart[kept++] = value;
        }
        if (!valid) {
            return;
        }
        if (pending > 0) {
            if (b < 0x80 || b > 0xBF) {
                valid = false;
            } else if (--pending == 0 && sequenceLength == 3) {
                threeByteChars++;
            }
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
                sequenceLength = 2;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
                sequenceLength = 3;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
                sequenceLength = 4;
            } else {
                valid = false;
            }
        }
    }

    private void endOfLine() throws IOException {
        if (valid && pending == 0 && threeByteChars >= 2) {
            throw mixed();
        }
        if (headerLine == null) {
            headerLine = Arrays.copyOf(lineStart, kept);
        }
        line++;
        kept = 0;
        valid = true;
        pending = 0;
        threeByteChars = 0;
    }

    @Override
    public void close() throws IOException {
        super.close();
    }

    /** Also checks a last line without a line break, at the end of the file. */
    void atEnd() throws IOException {
        if (kept > 0) {
            endOfLine();
        }
    }

    private CheckedReader.UndecodableTextException mixed() {
        String text = new String(lineStart, 0, kept, StandardCharsets.UTF_8).replace("\r", "");
        String header = headerLine == null ? text : new String(headerLine, TextFile.GB18030).replace("\r", "");
        int firstChinese = 0;
        while (firstChinese < text.length() && text.charAt(firstChinese) < 0x80) {
            firstChinese++;
        }
        TextPosition.Cell cell = TextPosition.cellAt(header, text, firstChinese, line);
        String asGbk = new String(cell.value().getBytes(StandardCharsets.UTF_8), TextFile.GB18030);
        return new CheckedReader.UndecodableTextException(Tr.f("%s line %d, column %s: this line is UTF-8 text ('%s') but "
                + "the file is read as GBK/GB18030, as its other lines are: the file mixes two encodings, and this value "
                + "would be stored as '%s'. Nothing was imported (the database is unchanged). Save the whole file in one "
                + "encoding (in Excel: \"CSV UTF-8 (comma delimited)\") and import it again.",
                path.getFileName(), line, cell.column(), cell.value(), asGbk));
    }
}
