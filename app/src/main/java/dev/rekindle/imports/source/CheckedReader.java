package dev.rekindle.imports.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.file.Path;

/**
 * Decodes a file strictly and, when a byte cannot be decoded, fails with an {@link UndecodableTextException}
 * that names the line, the column and the value around it. A plain {@code InputStreamReader} would either
 * replace the byte with '?' (silently wrong names) or fail without saying where.
 */
public final class CheckedReader extends Reader {

    private static final int BUFFER = 64 * 1024;
    private static final int MAX_TAIL = 4096;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final Charset charset;
    private final Path path;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder lineTail = new StringBuilder();
    private boolean headerDone;
    private boolean endOfInput;
    private boolean flushed;
    private long line = 1;

    CheckedReader(InputStream in, Charset charset, Path path) {
        this.in = in;
        this.charset = charset;
        this.decoder = TextFile.newDecoder(charset);
        this.path = path;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (true) {
            CoderResult r = decoder.decode(bytes, chars, endOfInput);
            if (r.isError()) {
                chars.flip();
                track(chars);
                throw undecodable(r.length());
            }
            if (r.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                if (in instanceof MixedEncodingGuard guard) {
                    guard.atEnd();
                }
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            if (chars.position() > BUFFER / 2) {
                break; // enough to hand out
            }
        }
        chars.flip();
        track(chars);
        return chars.hasRemaining();
    }

    /** Counts lines and keeps the header and the start of the current line, for error messages only. */
    private void track(CharBuffer decoded) {
        int start = decoded.position();
        int end = decoded.limit();
        int lastNewline = -1;
        for (int i = start; i < end; i++) {
            char c = decoded.get(i);
            if (c == '\n') {
                line++;
                lastNewline = i;
                headerDone = true;
            } else if (!headerDone && header.length() < BUFFER) {
                header.append(c);
            }
        }
        if (lastNewline >= 0) {
            lineTail.setLength(0);
            start = lastNewline + 1;
        }
        for (int i = start; i < end; i++) {
            lineTail.append(decoded.get(i));
        }
        if (lineTail.length() > MAX_TAIL) {
            lineTail.delete(0, lineTail.length() - MAX_TAIL);
        }
    }

    private UndecodableTextException undecodable(int length) {
        byte[] b = bytes.array();
        int from = bytes.position();
        String bad = TextFile.hex(b, from, Math.min(bytes.limit(), from + Math.max(length, 1)));
        String what = "not valid " + (charset.equals(TextFile.GB18030) ? "GBK/GB18030" : charset.name()) + " text here";
        String message = TextPosition.undecodable(path.getFileName().toString(), line,
                lineTail.toString().replace("\r", ""), bad, header.toString().replace("\r", ""), what);
        return new UndecodableTextException(message);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Undecodable bytes, with a message for the operator. */
    public static final class UndecodableTextException extends IOException {
        UndecodableTextException(String message) {
            super(message);
        }
    }
}
