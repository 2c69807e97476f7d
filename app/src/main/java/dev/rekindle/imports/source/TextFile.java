package dev.rekindle.imports.source;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An operator's text file and how to decode it. Exports from Excel and Qianniu come as GBK/GB18030, as
 * UTF-8 with or without a byte-order mark, sometimes as UTF-16 ("Unicode text"); with {@code auto} the
 * first 64 KB decide: a BOM wins, then strict UTF-8, then strict GB18030 (a superset of GBK). Bytes that
 * fit neither are reported with their line and column rather than turned into question marks.
 *
 * @param path     the file
 * @param charset  how its bytes are decoded
 * @param bomBytes bytes to skip at the start (a byte-order mark)
 * @param size     the file's size in bytes, for progress estimates
 * @param sample   the first bytes of the file (after the BOM), for format detection
 */
public record TextFile(Path path, Charset charset, int bomBytes, long size, byte[] sample) {

    static final int SAMPLE_BYTES = 64 * 1024;
    public static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * Opens and inspects {@code path}.
     *
     * @param encoding auto, utf-8, gbk, gb18030, utf-16 (case and dashes do not matter)
     */
    public static TextFile open(Path path, String encoding) {
        Charset requested = requested(encoding);
        checkReadable(path);
        byte[] head = readHead(path);
        long size = sizeOf(path);
        int bom = 0;
        Charset found;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            found = StandardCharsets.UTF_8;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            bom = 2;
            found = StandardCharsets.UTF_16LE;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            bom = 2;
            found = StandardCharsets.UTF_16BE;
        } else {
            found = null;
        }
        byte[] sample = java.util.Arrays.copyOfRange(head, bom, head.length);
        if (requested != null) {
            if (requested.equals(StandardCharsets.UTF_16) && found != null && found.name().startsWith("UTF-16")) {
                requested = found; // the BOM says which byte order
            }
            if (found != null && !found.equals(requested) && !(found.equals(StandardCharsets.UTF_8) && requested.equals(GB18030))) {
                // a BOM is stronger evidence than the option; say so instead of decoding garbage
                throw new UserException(Tr.f("%s starts with a %s byte-order mark but --encoding %s was given. "
                        + "Leave --encoding out (auto) or give --encoding %s.", path, found.name(), encoding,
                        found.name().toLowerCase(Locale.ROOT)));
            }
            return new TextFile(path, requested, found != null ? bom : 0, size, found != null ? sample : head);
        }
        if (found != null) {
            return new TextFile(path, found, bom, size, sample);
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            throw new UserException(Tr.f("%s is an Excel workbook (.xlsx), not a CSV text file. In Excel choose "
                    + "File › Save As › \"CSV UTF-8 (comma delimited)\" and import that file.", path));
        }
        boolean truncated = head.length == SAMPLE_BYTES;
        if (decodes(head, StandardCharsets.UTF_8, truncated)) {
            return new TextFile(path, StandardCharsets.UTF_8, 0, size, head);
        }
        if (decodes(head, GB18030, truncated)) {
            return new TextFile(path, GB18030, 0, size, head);
        }
        throw unknownEncoding(path, head, truncated);
    }

    /** A reader that reports undecodable bytes with their position instead of replacing them. */
    public CheckedReader reader() {
        try {
            InputStream in = Files.newInputStream(path);
            in.skipNBytes(bomBytes);
            if (charset.equals(GB18030)) {
                in = new MixedEncodingGuard(in, path);
            }
            return new CheckedReader(in, charset, path);
        } catch (IOException e) {
            throw new UserException(Tr.f("cannot read %s: %s", path, e.getMessage()), e);
        }
    }

    /** For the summary: "UTF-8", "GB18030 (GBK)" … */
    public String encodingLabel() {
        return charset.equals(GB18030) ? "GBK/GB18030" : charset.name() + (bomBytes > 0 ? " with BOM" : "");
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    static Charset requested(String encoding) {
        String e = encoding == null ? "auto" : encoding.trim().toLowerCase(Locale.ROOT).replace("_", "-");
        switch (e) {
            case "", "auto":
                return null;
            case "utf-8", "utf8":
                return StandardCharsets.UTF_8;
            case "gbk", "gb2312", "gb18030", "cp936":
                return GB18030; // GB18030 decodes everything GBK and GB2312 do, and more
            case "utf-16", "utf16", "unicode":
                return StandardCharsets.UTF_16;
            default:
                throw new UsageException(Tr.f("--encoding must be auto, utf-8, gbk (also gb18030) or utf-16, got '%s'", encoding));
        }
    }

    private static void checkReadable(Path path) {
        if (!Files.exists(path)) {
            throw new UserException(Tr.f("file not found: %s. Check the path (quote it if it has spaces).", path.toAbsolutePath()));
        }
        if (Files.isDirectory(path)) {
            throw new UserException(Tr.f("%s is a folder; give the file inside it to import.", path.toAbsolutePath()));
        }
        if (!Files.isReadable(path)) {
            throw new UserException(Tr.f("cannot read %s: permission denied.", path.toAbsolutePath()));
        }
    }

    private static byte[] readHead(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(SAMPLE_BYTES);
        } catch (NoSuchFileException e) {
            throw new UserException(Tr.f("file not found: %s", path.toAbsolutePath()));
        } catch (AccessDeniedException e) {
            throw new UserException(Tr.f("cannot read %s: permission denied.", path.toAbsolutePath()));
        } catch (IOException e) {
            throw new UserException(Tr.f("cannot read %s: %s", path, e.getMessage()), e);
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    /** Strict decoding of the sample; a multi-byte character cut at the end of a truncated sample is fine. */
    static boolean decodes(byte[] bytes, Charset charset, boolean truncated) {
        if (containsNul(bytes)) {
            return false; // UTF-16 without a BOM, or a binary file: both decoders would accept NULs
        }
        int end = truncated ? lastLineEnd(bytes) : bytes.length;
        try {
            newDecoder(charset).decode(ByteBuffer.wrap(bytes, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static CharsetDecoder newDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) return true;
        }
        return false;
    }

    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') return i + 1;
        }
        return bytes.length;
    }

    /** Names the first byte that neither UTF-8 nor GB18030 can read: line, column and the value around it. */
    private static UserException unknownEncoding(Path path, byte[] head, boolean truncated) {
        int end = truncated ? lastLineEnd(head) : head.length;
        int bad = firstBadByte(head, end);
        String before = new String(head, 0, bad, GB18030);
        int lineStart = before.lastIndexOf('\n') + 1;
        long line = before.chars().filter(c -> c == '\n').count() + 1;
        int firstLineEnd = before.indexOf('\n');
        String headerLine = firstLineEnd < 0 ? "" : before.substring(0, firstLineEnd);
        String badBytes = hex(head, bad, Math.min(end, bad + 2));
        return new UserException(TextPosition.undecodable(path.getFileName().toString(), line, before.substring(lineStart),
                badBytes, headerLine, Tr.t("neither UTF-8 nor GBK/GB18030")));
    }

    static String hex(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02X", b[i] & 0xFF));
        }
        return sb.toString();
    }

    private static int firstBadByte(byte[] head, int end) {
        if (containsNul(head)) {
            for (int i = 0; i < end; i++) {
                if (head[i] == 0) return i;
            }
        }
        // the longest prefix GB18030 decodes strictly (GB18030 is the fallback, so its error is the one to show)
        CharsetDecoder d = newDecoder(GB18030);
        ByteBuffer in = ByteBuffer.wrap(head, 0, end);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(end + 16);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        return r.isError() ? in.position() : Math.max(0, end - 1);
    }
}
