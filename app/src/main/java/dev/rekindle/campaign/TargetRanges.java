package dev.rekindle.campaign;

/**
 * Hands out chunks of exactly {@code size} targets (fewer at the end) to the threads in turn: the
 * chunk's last customer id is found by skipping along the members index, which costs microseconds.
 */
final class TargetRanges {

    /** The next chunk's bounds: customer ids in (after, last]; {@code last} null for the final chunk. */
    record Range(long seq, long after, Long last) {
    }

    private final CampaignRepository campaigns;
    private final long campaignId;
    private final int size;
    private long after = Long.MIN_VALUE;
    private long seq;
    private boolean done;

    TargetRanges(CampaignRepository campaigns, long campaignId, int size) {
        this.campaigns = campaigns;
        this.campaignId = campaignId;
        this.size = size;
    }

    synchronized Range next() {
        if (done) {
            return null;
        }
        Range r = new Range(seq++, after, campaigns.targetAfter(campaignId, after, size - 1).orElse(null));
        if (r.last() == null) {
            done = true;
        } else {
            after = r.last();
        }
        return r;
    }
}
