package dev.rekindle.console;

/**
 * The command did its work but some is left for later (messages pending, deferred or unknown): its report
 * is printed as usual and the command exits with 3 (the shell's WORK_LEFT), so that cron can
 * tell "work left, look tomorrow" from a failure (1) and from done (0).
 */
public class WorkLeft extends RuntimeException {

    public WorkLeft(String report) {
        super(report, null, false, false);
    }
}
