package dev.rekindle.guard;

/**
 * The guard's answer for one customer: send on {@code channel} to {@code address}, or skip with a reason
 * (channel then says which channel the reason is about, or is null).
 */
public record Verdict(String channel, String address, SkipReason skip) {

    public static Verdict send(String channel, String address) {
        return new Verdict(channel, address, null);
    }

    public static Verdict skip(SkipReason reason, String channel) {
        return new Verdict(channel, null, reason);
    }

    public boolean sends() {
        return skip == null;
    }
}
