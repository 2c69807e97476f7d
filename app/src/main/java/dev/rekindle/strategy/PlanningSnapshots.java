package dev.rekindle.strategy;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.UserException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Finds the snapshot to plan on: the current one (highest id), or the latest one for an as-of date. */
@Repository
public class PlanningSnapshots {

    private final JdbcClient jdbc;

    public PlanningSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Snapshot> current() {
        return jdbc.sql("SELECT id, as_of, customers FROM snapshots ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Snapshot(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3))).optional();
    }

    public Optional<Snapshot> find(long id) {
        return jdbc.sql("SELECT id, as_of, customers FROM snapshots WHERE id = ?").param(id)
                .query((rs, n) -> new Snapshot(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3))).optional();
    }

    /** The snapshot to plan on; a clear error when segmentation has not run (for that date). */
    public Snapshot require(LocalDate asOf) {
        Snapshot latest = current().orElseThrow(() -> new UserException(
                Tr.t("no segmentation snapshot yet: run segments refresh first (campaigns plan on its stages and RFM segments)")));
        if (asOf == null || latest.asOf().equals(asOf)) {
            return latest;
        }
        return jdbc.sql("SELECT id, as_of, customers FROM snapshots WHERE as_of = ? ORDER BY id DESC LIMIT 1")
                .param(asOf.toString())
                .query((rs, n) -> new Snapshot(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3))).optional()
                .orElseThrow(() -> new UserException(Tr.f("no segmentation snapshot as of %s (the current one is as of %s): "
                        + "run segments refresh --as-of %s first, or leave out --as-of", asOf, latest.asOf(), asOf)));
    }
}
