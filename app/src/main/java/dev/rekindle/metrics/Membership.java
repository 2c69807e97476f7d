package dev.rekindle.metrics;

import java.util.Locale;
import java.util.Set;

/**
 * Who counts as a member for "members vs others": a customer with a member level above the entry level.
 * Everyone starts at normal (普通会员); senior, VIP, supreme VIP and any other level a shop uses are members.
 * No level at all is not a member either.
 */
final class Membership {

    static final Set<String> ENTRY_LEVELS = Set.of("normal", "none", "普通", "普通会员", "非会员", "0", "");

    private Membership() {
    }

    static boolean isMember(String memberLevel) {
        return memberLevel != null && !ENTRY_LEVELS.contains(memberLevel.trim().toLowerCase(Locale.ROOT));
    }
}
