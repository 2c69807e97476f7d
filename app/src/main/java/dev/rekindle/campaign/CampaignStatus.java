package dev.rekindle.campaign;

/**
 * Where a campaign stands: {@code planned} (nothing sent yet), {@code sending} (a run started and some
 * targets have no final outcome yet), {@code finished} (every target has a final ledger row: sent, failed,
 * skipped or cancelled), {@code cancelled} (the operator stopped it; the ledger keeps what happened).
 * A campaign keeps its snapshot and approved templates until it is finished or cancelled.
 */
public final class CampaignStatus {

    public static final String PLANNING = "planning";
    public static final String PLANNED = "planned";
    public static final String SENDING = "sending";
    public static final String FINISHED = "finished";
    public static final String CANCELLED = "cancelled";

    private CampaignStatus() {
    }

    /** Still needs its snapshot, templates and a run: not finished, not cancelled. */
    public static boolean open(String status) {
        return !FINISHED.equals(status) && !CANCELLED.equals(status);
    }
}
