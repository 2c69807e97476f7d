package dev.rekindle.segment;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads stored snapshots and their summary cells. The current snapshot is the newest (highest id). */
@Repository
public class Snapshots {

    /** Customers of one (stage, segment, R, F) cell with sums for averages. */
    public record Cell(String stage, String segment, Integer r, Integer f, long customers, double monetarySum,
            long frequencySum, long recencySum) {
    }

    private static final String SELECT = "SELECT id, as_of, created_at, settings, customers FROM snapshots";

    private final JdbcClient jdbc;

    public Snapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Snapshot> current() {
        return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT 1").query(Snapshots::map).optional();
    }

    /** The current snapshot, or an error telling the operator to make one. */
    public Snapshot requireCurrent() {
        return current().orElseThrow(() -> new UserException(
                Tr.t("there is no segment snapshot yet: run 'segments refresh' first (it takes a few seconds).")));
    }

    /** A kept snapshot by id, or the current one when id is null. */
    public Snapshot require(Long id) {
        if (id == null) {
            return requireCurrent();
        }
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Snapshots::map).optional()
                .orElseThrow(() -> new UserException(Tr.f("there is no snapshot #%d (only the newest few are kept). "
                        + "See 'segments history'.", id)));
    }

    public List<Snapshot> all() {
        return jdbc.sql(SELECT + " ORDER BY id DESC").query(Snapshots::map).list();
    }

    public List<Cell> cells(long snapshotId) {
        return jdbc.sql("""
                SELECT stage, segment, r, f, customers, monetary_sum, frequency_sum, recency_sum
                FROM snapshot_cells WHERE snapshot_id = ?""").param(snapshotId).query(Cell.class).list();
    }

    private static Snapshot map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Snapshot(rs.getLong("id"), LocalDate.parse(rs.getString("as_of")), rs.getString("created_at"),
                rs.getString("settings"), rs.getLong("customers"));
    }
}
