package dev.rekindle.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.support.CampaignTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A campaign restricted to a segment the operator saved reaches only that segment's members. */
class SavedSegmentCampaignTests extends CampaignTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldPlanOnlyForMembersOfASavedSegment() {
        run("demo reset --customers 1500 --yes");
        assertEquals(0, run("segments refresh").exit());
        assertEquals(0, run("segments define bigcity --where \"city in ('上海', '北京')\"").exit());

        Result r = run("campaigns plan winback-silent --segment bigcity --holdout 0");

        assertEquals(0, r.exit(), r.all());
        long id = jdbc.sql("SELECT max(id) FROM campaigns").query(Long.class).single();
        long members = jdbc.sql("SELECT count(*) FROM campaign_members WHERE campaign_id = ?").param(id).query(Long.class).single();
        long outside = jdbc.sql("""
                SELECT count(*) FROM campaign_members m JOIN customers c ON c.id = m.customer_id
                WHERE m.campaign_id = ? AND c.city NOT IN ('上海', '北京')""").param(id).query(Long.class).single();
        assertTrue(members > 0, r.out());
        assertEquals(0, outside);
        assertEquals(2, run("campaigns plan winback-silent --segment nosuch").exit());
    }
}
