package dev.rekindle.dist.replay;

/**
 * The five figures a replay must bring back as zeros (issue #15); -1 when a figure could not be computed.
 * The IT and bench/soak.sh print the same {@link #line(int)}.
 */
public record Figures(long unfinishedCampaigns, long doubleContacted, long capBreaches, long afterOptOut,
        long targetsWithoutOneFinalRow) {

    public boolean allZero() {
        return unfinishedCampaigns == 0 && doubleContacted == 0 && capBreaches == 0 && afterOptOut == 0
                && targetsWithoutOneFinalRow == 0;
    }

    public String line(int days) {
        return "REPLAY " + days + " days: unfinished campaigns " + show(unfinishedCampaigns)
                + " · double-contacted for an occasion " + show(doubleContacted)
                + " · cap breaches " + show(capBreaches)
                + " · messages after opt-out " + show(afterOptOut)
                + " · targets without exactly one final row " + show(targetsWithoutOneFinalRow);
    }

    private static String show(long n) {
        return n < 0 ? "?" : String.valueOf(n);
    }
}
