package dev.rekindle.customer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.rekindle.store.DatabaseLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After {@code customers forget} has erased a person's row, the copies elsewhere: the database file's
 * free space and write-ahead log, the shell history and the outbox files. SQLite leaves the old bytes
 * of an updated or deleted row in free pages and in the WAL; the erasure runs with secure_delete on, and
 * this sweep truncates the WAL, looks for the person's values in the file's bytes, and only when it finds
 * some (copies left by earlier imports), rebuilds the file with VACUUM. The history and the outboxes are
 * rewritten without the person's lines; files that cannot be rewritten are named for deletion.
 */
@Component
public class ErasureSweep {

    private static final Logger log = LoggerFactory.getLogger(ErasureSweep.class);
    private static final int CHUNK = 1 << 20;

    /** The values that identify the erased person, as they were before the erasure. */
    public record Traces(String buyerId, String mobile, String email, String wechatId, String name, List<String> others) {

        public Traces {
            others = others == null ? List.of() : List.copyOf(others);
        }


        /** Values distinctive enough to look for as bytes (a name is one only when nobody else has it). */
        List<String> needles(boolean nameIsUnique) {
            Set<String> n = new LinkedHashSet<>();
            for (String v : new String[]{buyerId, mobile, email, wechatId, nameIsUnique ? name : null}) {
                if (v != null && v.strip().length() >= 2) n.add(v.strip());
            }
            for (String v : others) { // addresses of other kinds (customer_contacts)
                if (v != null && v.strip().length() >= 2) n.add(v.strip());
            }
            return List.copyOf(n);
        }
    }

    /**
     * What the sweep did.
     *
     * @param leftInDatabase  values still found in the database file after the sweep (empty: none)
     * @param vacuumed        whether the file had to be rebuilt
     * @param historyLines    lines removed from the shell history
     * @param rewritten       outbox files rewritten without the person
     * @param toDelete        outbox files that hold the person and are not ours to rewrite
     */
    public record Report(List<String> leftInDatabase, boolean vacuumed, int historyLines, List<Path> rewritten,
            List<Path> toDelete) {
    }

    private final JdbcClient jdbc;
    private final DatabaseLocation database;
    private final Path history;
    private final Path outbox;
    private final ObjectProvider<org.jline.reader.History> shellHistory;

    public ErasureSweep(JdbcClient jdbc, DatabaseLocation database,
            @Value("${spring.shell.history.name:}") String history, dev.rekindle.store.StoreProperties store,
            ObjectProvider<org.jline.reader.History> shellHistory) {
        this.jdbc = jdbc;
        this.database = database;
        this.history = history.isBlank() ? null : Path.of(history);
        this.outbox = store.dataDir().resolve("outbox");
        this.shellHistory = shellHistory;
    }

    /** Runs after the erasure's transaction has committed. */
    public Report sweep(Traces t) {
        boolean nameIsUnique = t.name() != null && jdbc.sql("SELECT count(*) FROM customers WHERE name = ?")
                .param(t.name()).query(Long.class).single() == 0;
        List<String> needles = t.needles(nameIsUnique);
        List<String> left = List.of();
        boolean vacuumed = false;
        if (database.path() != null) {
            checkpoint();
            left = foundIn(needles, database.path(), wal());
            if (!left.isEmpty()) {
                // copies from earlier imports lie in free pages secure_delete did not touch: rebuild the file
                jdbc.sql("VACUUM").update();
                vacuumed = true;
                checkpoint();
                left = foundIn(needles, database.path(), wal());
            }
        }
        int lines = sweepHistory(t);
        List<Path> rewritten = new ArrayList<>();
        List<Path> toDelete = new ArrayList<>();
        sweepOutbox(t, rewritten, toDelete);
        return new Report(left, vacuumed, lines, rewritten, toDelete);
    }

    private Path wal() {
        return database.path().resolveSibling(database.path().getFileName() + "-wal");
    }

    private void checkpoint() {
        Map<String, Object> r = jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query().singleRow();
        Object busy = r.values().iterator().next();
        if (busy instanceof Number n && n.intValue() != 0) {
            log.warn("wal_checkpoint(TRUNCATE) after an erasure was blocked by another connection: {}", r);
        }
    }

    /** The needles found in the files' bytes (UTF-8), case-insensitively for ASCII. */
    static List<String> foundIn(List<String> needles, Path... files) {
        List<String> found = new ArrayList<>();
        List<String> wanted = needles.stream().map(n -> latin1(n).toLowerCase(Locale.ROOT)).toList();
        int overlap = wanted.stream().mapToInt(String::length).max().orElse(0);
        for (Path f : files) {
            if (!Files.isRegularFile(f)) continue;
            try (InputStream in = Files.newInputStream(f)) {
                byte[] buf = new byte[CHUNK + overlap];
                int carried = 0;
                while (true) {
                    int n = in.readNBytes(buf, carried, CHUNK);
                    if (n <= 0) break;
                    String window = new String(buf, 0, carried + n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    for (int i = 0; i < wanted.size(); i++) {
                        if (!found.contains(needles.get(i)) && window.contains(wanted.get(i))) found.add(needles.get(i));
                    }
                    int keep = Math.min(overlap, carried + n);
                    System.arraycopy(buf, carried + n - keep, buf, 0, keep);
                    carried = keep;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Lines of the shell history that name the person: their id, contacts or name, or digits of their mobile. */
    private int sweepHistory(Traces t) {
        if (history == null || !Files.isRegularFile(history)) {
            return 0;
        }
        try {
            List<String> all = Files.readAllLines(history, StandardCharsets.UTF_8);
            List<String> kept = all.stream().filter(l -> !mentions(l, t)).toList();
            if (kept.size() != all.size()) {
                replace(history, String.join("\n", kept) + (kept.isEmpty() ? "" : "\n"));
                // the running shell keeps its history in memory too, and appends it again at exit
                org.jline.reader.History h = shellHistory.getIfAvailable();
                if (h != null) {
                    h.load();
                }
            }
            return all.size() - kept.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern MOBILE_OPTION = Pattern.compile("--mobile[= ]+'?\"?(\\d{4,})");

    static boolean mentions(String line, Traces t) {
        String l = line.toLowerCase(Locale.ROOT);
        for (String v : new String[]{t.buyerId(), t.mobile(), t.email(), t.wechatId(), t.name()}) {
            if (v != null && v.strip().length() >= 2 && l.contains(v.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        Matcher m = MOBILE_OPTION.matcher(line);
        while (t.mobile() != null && m.find()) {
            if (t.mobile().contains(m.group(1))) return true;
        }
        return false;
    }

    private void sweepOutbox(Traces t, List<Path> rewritten, List<Path> toDelete) {
        if (!Files.isDirectory(outbox)) {
            return;
        }
        List<String> needles = t.needles(false);
        try (Stream<Path> files = Files.walk(outbox)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (foundIn(needles, f).isEmpty() && (t.name() == null || foundIn(List.of(t.name()), f).isEmpty())) {
                    continue;
                }
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean done = name.endsWith(".jsonl") ? rewriteLines(f, t) : name.endsWith(".csv") && rewriteCsv(f, t);
                (done ? rewritten : toDelete).add(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON lines: one message per line, so the person's lines go. */
    private static boolean rewriteLines(Path f, Traces t) throws IOException {
        List<String> all = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> kept = all.stream().filter(l -> !mentions(l, t)).toList();
        replace(f, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
        return foundIn(t.needles(false), f).isEmpty();
    }

    /** CSV: records (a message text may span lines); the byte-order mark Excel needs is kept. */
    private static boolean rewriteCsv(Path f, Traces t) throws IOException {
        byte[] bytes = Files.readAllBytes(f);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        String text = new String(bytes, bom ? 3 : 0, bytes.length - (bom ? 3 : 0), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(text);
             CsvWriter writer = CsvWriter.builder().build(out)) {
            for (CsvRecord r : reader) {
                boolean person = r.getFields().stream().anyMatch(v -> mentions(v.startsWith("'") ? v.substring(1) : v, t));
                if (!person) writer.writeRecord(r.getFields());
            }
        }
        replace(f, (bom ? "\uFEFF" : "") + out);
        return foundIn(t.needles(false), f).isEmpty();
    }

    private static void replace(Path f, String content) throws IOException {
        Path temp = Files.createTempFile(f.toAbsolutePath().getParent(), ".rekindle-erase", ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        // the cleaned file keeps the permissions the user's file had (createTempFile made it 0600)
        if (Files.getFileStore(f).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(f));
        }
        Files.move(temp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
