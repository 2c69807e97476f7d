package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.CustomerView;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.PackedCustomer;
import dev.rekindle.strategy.PackedRows;
import dev.rekindle.strategy.PlanningSnapshots;
import dev.rekindle.strategy.Snapshot;
import dev.rekindle.support.CampaignTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A row packed when planning decodes, field by field, to what a live read of the customer gives. */
class PlannedRowTests extends CampaignTestSupport {

    @Autowired
    CustomerViewReader reader;

    @Autowired
    PackedRows packedRows;

    @Autowired
    PlanningSnapshots snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldDecodeEveryFieldAsALiveReadDoes() {
        demoWithSnapshot(300);
        long id = CampaignCommandsTests.campaignId(run("campaigns plan winback-silent --holdout 0"));
        long snapshotId = jdbc.queryForObject("SELECT snapshot_id FROM campaigns WHERE id = ?", Long.class, id);
        Snapshot snapshot = snapshots.find(snapshotId).orElseThrow();
        String where = "m.campaign_id = ? AND m.status = 'target'";
        List<PackedRows.Packed<String>> packed = packedRows.read("campaign_members m WHERE " + where, List.of(id),
                "m.customer_id", 0, 5, v -> v[1]).orElseThrow(); // channel: second of the five
        List<CustomerViewReader.Joined<String>> live = reader.joined(snapshot, "campaign_members m", List.of("m.channel"), where,
                List.of(id), "m.customer_id", 100000, v -> v[0]);

        assertTrue(live.size() > 20, "enough targets: " + live.size());
        assertEquals(live.size(), packed.size());
        int named = 0;
        for (int i = 0; i < live.size(); i++) {
            CustomerView v = live.get(i).candidate().view();
            PackedCustomer p = packed.get(i).customer();
            String who = "customer " + v.id();
            assertEquals(List.of(v.id(), v.buyerId(), nz(v.name()), nz(v.gender()), nz(v.city()), nz(v.memberLevel()), v.points(),
                    nz(v.birthday()), v.stage(), nz(v.segment()), nz(v.r()), nz(v.f()), nz(v.m()), nz(v.recencyDays()), v.frequency(),
                    v.monetary(), nz(v.mainCategory()), nz(v.firstOrder()), nz(v.lastOrder())),
                    List.of(p.id(), p.buyerId(), nz(p.name()), nz(p.gender()), nz(p.city()), nz(p.memberLevel()), p.points(),
                    nz(p.birthday()), p.stage(), nz(p.segment()), nz(p.r()), nz(p.f()), nz(p.m()), nz(p.recencyDays()), p.frequency(),
                    p.monetary(), nz(p.mainCategory()), nz(p.firstOrder()), nz(p.lastOrder())), who);
            for (ContactKind kind : ContactKind.known()) {
                assertEquals(nz(live.get(i).candidate().recipient().address(kind)), nz(p.address(kind)), who + " " + kind);
            }
            assertEquals(live.get(i).extra(), packed.get(i).extra(), who);
            assertEquals(live.get(i).candidate().recipient().consents(), packed.get(i).consents(), who);
            named += v.name() == null ? 0 : 1;
        }
        assertTrue(named > 0, "demo customers have names");
    }

    private static Object nz(Object o) {
        return o == null ? "(null)" : o;
    }
}
