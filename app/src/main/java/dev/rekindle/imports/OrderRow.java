package dev.rekindle.imports;

import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.value.DateTimes;

/**
 * One order as the store keeps it, read from a file (or aggregated from its lines).
 *
 * @param profile contact details that came with the order (Taobao, Tmall), or null
 * @param row     the file row it was read from (for messages and the reject file), or null when aggregated
 * @param buyerKey    {@link Keys#of} of the buyer id, and
 * @param createdCode {@link DateTimes#encode} of the order time: worked out where the row is made, which for
 *                    files is the reading thread, so that the writing thread (the import's bottleneck) does not
 */
record OrderRow(String orderNo, String buyerId, String createdAt, String paidAt, double amount, String status,
        int itemCount, String category, Profile profile, Row row, long buyerKey, long createdCode) {

    OrderRow(String orderNo, String buyerId, String createdAt, String paidAt, double amount, String status, int itemCount,
            String category, Profile profile, Row row) {
        this(orderNo, buyerId, createdAt, paidAt, amount, status, itemCount, category, profile, row, Keys.of(buyerId),
                DateTimes.encode(createdAt));
    }

    /** The buyer's details as printed on the order: the newest order's details win. */
    record Profile(String name, String mobile, String mobileNote, String city) {
        boolean isEmpty() {
            return name == null && mobile == null && city == null;
        }
    }
}
