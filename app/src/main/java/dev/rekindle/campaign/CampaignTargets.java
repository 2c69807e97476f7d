package dev.rekindle.campaign;

import dev.rekindle.strategy.Candidate;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.PackedRows;
import dev.rekindle.strategy.Snapshot;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A campaign's targets with their customers, in customer order: from the rows packed when the campaign
 * was planned, or, when a customer changed since (or the campaign predates packed rows), read live. Both
 * give the same messages for unchanged customers. The holdout is never read: only members planned as targets.
 */
@Component
class CampaignTargets {

    /** A member as planned, and whether the customer's data was erased since (PIPL). */
    record Target(CampaignRepository.Member member, boolean erased) {
    }

    /** One target as read: with its customer read live, or from the row packed when planning. */
    record TargetRow(Target target, Candidate live, PackedRows.Packed<Target> packed) {
    }

    /** What a target's row adds to the customer's: read by {@link #target}; packed in this order when planned. */
    private static final List<String> MEMBER_COLUMNS = List.of("m.customer_id", "m.channel", "m.offer_code", "m.facts",
            "c.erased_at IS NOT NULL");

    private final PackedRows packed;
    private final CustomerViewReader reader;

    CampaignTargets(PackedRows packed, CustomerViewReader reader) {
        this.packed = packed;
        this.reader = reader;
    }

    private static Target target(String[] v) {
        return new Target(new CampaignRepository.Member(Long.parseLong(v[0]), "target", v[1], null, v[2], v[3]), "1".equals(v[4]));
    }

    /** The targets in a range of customer ids, all of them. */
    List<TargetRow> in(Snapshot snapshot, long campaignId, TargetRanges.Range r) {
        long last = r.last() == null ? Long.MAX_VALUE : r.last();
        return targets(snapshot, "m.campaign_id = ? AND m.status = 'target' AND m.customer_id > ? AND m.customer_id <= ?",
                List.of(campaignId, r.after(), last), 0);
    }

    /** The next {@code limit} targets after a customer id. */
    List<TargetRow> after(Snapshot snapshot, long campaignId, long afterCustomerId, int limit) {
        return targets(snapshot, "m.campaign_id = ? AND m.status = 'target' AND m.customer_id > ?",
                List.of(campaignId, afterCustomerId), limit);
    }

    /** @param limit at most this many (0: all) */
    private List<TargetRow> targets(Snapshot snapshot, String where, List<Object> params, int limit) {
        return packed.read("campaign_members m WHERE " + where, params, "m.customer_id", limit, MEMBER_COLUMNS.size(),
                        CampaignTargets::target)
                .map(rows -> rows.stream().map(p -> new TargetRow(p.extra(), null, p)).toList())
                .orElseGet(() -> reader.joined(snapshot, "campaign_members m", MEMBER_COLUMNS, where, params, "m.customer_id",
                        limit > 0 ? limit : Integer.MAX_VALUE, CampaignTargets::target).stream().map(j -> new TargetRow(j.extra(), j.candidate(), null)).toList());
    }
}
