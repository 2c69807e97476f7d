package dev.rekindle.imports;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records each import run in {@code import_log}: what was read, what changed, or why it was refused. */
@Component
class ImportLog {

    private final JdbcClient jdbc;

    ImportLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(ImportSummary s, LocalDateTime started, LocalDateTime finished, String outcome, String text) {
        jdbc.sql("""
                INSERT INTO import_log(kind, file, format, encoding, started_at, finished_at, outcome, rows_read, added,
                                       updated, unchanged, skipped, rejected, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.kind, s.file.toAbsolutePath().toString(), s.format, s.source, started.toString().replace('T', ' '),
                        finished.toString().replace('T', ' '), outcome, s.rowsRead, s.added, s.updated, s.unchanged,
                        s.skippedTotal(), s.rejected, text)
                .update();
    }
}
