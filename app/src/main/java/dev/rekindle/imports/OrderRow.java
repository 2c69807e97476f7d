package dev.rekindle.imports;

import dev.rekindle.imports.source.Row;

/**
 * One order as the store keeps it, read from a file (or aggregated from its lines).
 *
 * @param profile contact details that came with the order (Taobao, Tmall), or null
 * @param row     the file row it was read from (for messages and the reject file), or null when aggregated
 */
record OrderRow(String orderNo, String buyerId, String createdAt, String paidAt, double amount, String status,
        int itemCount, String category, Profile profile, Row row) {

    /** The buyer's details as printed on the order: the newest order's details win. */
    record Profile(String name, String mobile, String mobileNote, String city) {
        boolean isEmpty() {
            return name == null && mobile == null && city == null;
        }
    }
}
