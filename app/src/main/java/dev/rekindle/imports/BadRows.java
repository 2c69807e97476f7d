package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rekindle.console.CsvCells;
import dev.rekindle.console.UserException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What happens to bad rows. By default the import is refused as a whole: the first few are collected for
 * the message and nothing is written. With {@code --skip-bad} each bad row goes, as it was read plus the
 * reason, to {@code NAME.rejects.csv} next to the input (UTF-8 with BOM so that Excel shows Chinese), and
 * the good rows are imported.
 */
final class BadRows implements AutoCloseable {

    static final int SHOWN = 10;
    /** At most this many rows with the same problem in the same column are spelled out. */
    static final int SHOWN_PER_KIND = 3;
    /** In strict mode, reading stops after this many bad rows: the message cannot get more useful. */
    static final int GIVE_UP = 1000;

    private final Path input;
    private final List<String> header;
    private final boolean skip;
    private final List<String> shown = new ArrayList<>();
    private final java.util.Map<String, Long> kinds = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> kindColumn = new java.util.HashMap<>();
    private final Path target;
    private Path temp;
    private CsvWriter writer;
    private long count;

    BadRows(Path input, List<String> header, boolean skip) {
        this.input = input;
        this.header = header;
        this.skip = skip;
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.target = input.toAbsolutePath().resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".rejects.csv");
    }

    void add(BadCell bad, List<String> fields) {
        count++;
        if (!skip) {
            long same = kinds.merge(bad.kind(), 1L, Long::sum);
            kindColumn.putIfAbsent(bad.kind(), bad.column());
            if (shown.size() < SHOWN && same <= SHOWN_PER_KIND) shown.add(bad.describe());
            return;
        }
        try {
            if (writer == null) open();
            List<String> out = new ArrayList<>(fields.size() + 1);
            fields.forEach(f -> out.add(CsvCells.neutralised(f))); // the row came from a file; Excel opens this one
            while (out.size() < header.size()) out.add("");
            out.add(CsvCells.neutralised("line " + bad.line() + ": " + bad.reason()));
            writer.writeRecord(out);
        } catch (IOException e) {
            throw new UserException(Tr.f("cannot write the reject file %s: %s", target, UserException.reason(e)), e);
        } catch (UncheckedIOException e) {
            throw new UserException(Tr.f("cannot write the reject file %s: %s", target, UserException.reason(e.getCause())), e);
        }
    }

    private void open() throws IOException {
        // not Files.createTempFile: that makes the file 0600, and the reject file is for the user's other
        // tools (a spreadsheet, a colleague on the same group): it gets the permissions of the user's umask
        temp = Files.createFile(target.resolveSibling(".rekindle-rejects-" + java.util.UUID.randomUUID() + ".tmp"));
        OutputStream out = Files.newOutputStream(temp);
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        writer = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> h = new ArrayList<>(header.stream().map(CsvCells::neutralised).toList());
        h.add("rejected_because");
        writer.writeRecord(h);
    }

    long count() {
        return count;
    }

    /** Where the reject file goes: NAME.rejects.csv next to the input. */
    Path target() {
        return target;
    }

    boolean skipping() {
        return skip;
    }

    /** True when the import is going to be refused (strict mode and at least one bad row). */
    boolean refusing() {
        return !skip && count > 0;
    }

    boolean givingUp() {
        return refusing() && count >= GIVE_UP;
    }

    /** The refusal, listing the first bad rows. */
    UserException refusal(String what, boolean readToEnd) {
        StringBuilder sb = new StringBuilder();
        String n = count + (readToEnd ? "" : "+");
        sb.append(input.getFileName()).append(": ").append(count == 1
                ? Tr.f("%s bad row; nothing was imported (the database is unchanged).", n)
                : Tr.f("%s bad rows; nothing was imported (the database is unchanged).", n)).append('\n');
        shown.forEach(s -> sb.append("  ").append(s).append('\n'));
        long listed = shown.size();
        for (java.util.Map.Entry<String, Long> k : kinds.entrySet()) {
            long more = k.getValue() - SHOWN_PER_KIND;
            if (more > 0 && shown.size() < SHOWN) {
                sb.append("  … ").append(more == 1
                        ? Tr.f("%d more row with the same problem in column %s", more, kindColumn.get(k.getKey()))
                        : Tr.f("%d more rows with the same problem in column %s", more, kindColumn.get(k.getKey()))).append('\n');
                listed += more;
            }
        }
        if (count > listed) {
            sb.append("  … ").append(Tr.f("and %s more", (count - listed) + (readToEnd ? "" : "+"))).append('\n');
        }
        sb.append(count == 1
                ? Tr.f("Fix this row and import again, or add --skip-bad to import the good %s and write the bad rows to %s next to the file.",
                        what, target.getFileName())
                : Tr.f("Fix these rows and import again, or add --skip-bad to import the good %s and write the bad rows to %s next to the file.",
                        what, target.getFileName()));
        return new UserException(sb.toString());
    }

    /**
     * Closes the reject file and puts it in place. With no bad rows an old reject file of the same input
     * is removed, so that what lies next to the input always belongs to the last run.
     *
     * @return the reject file, or null when there were no bad rows
     */
    Path finish() {
        try {
            if (writer == null) {
                if (skip) Files.deleteIfExists(target);
                return null;
            }
            writer.close();
            writer = null;
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UserException(Tr.f("cannot write the reject file %s: %s", target, UserException.reason(e)), e);
        }
    }

    /** Throws away a half-written reject file (the import failed). */
    @Override
    public void close() {
        try {
            if (writer != null) writer.close();
            if (temp != null) Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a stray temp file is harmless; the import already reported its own failure
        }
    }
}
