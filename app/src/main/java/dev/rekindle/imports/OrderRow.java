package dev.rekindle.imports;

import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.value.DateTimes;
import java.util.List;

/**
 * One order as the store keeps it, read from a file (or aggregated from its lines).
 *
 * @param profile contact details that came with the order (Taobao, Tmall), or null
 * @param items   the goods on the order when the file names them (title, code), else null
 * @param row     the file row it was read from (for messages and the reject file), or null when aggregated
 * @param buyerKey    {@link Keys#of} of the buyer id, and
 * @param createdCode {@link DateTimes#encode} of the order time: worked out where the row is made, which for
 *                    files is the reading thread, so that the writing thread (the import's bottleneck) does not
 */
record OrderRow(String orderNo, String buyerId, String createdAt, String paidAt, double amount, String status,
        int itemCount, String category, Profile profile, List<Item> items, Row row, long buyerKey, long createdCode) {

    OrderRow(String orderNo, String buyerId, String createdAt, String paidAt, double amount, String status, int itemCount,
            String category, Profile profile, List<Item> items, Row row) {
        this(orderNo, buyerId, createdAt, paidAt, amount, status, itemCount, category, profile, items, row, Keys.of(buyerId),
                DateTimes.encode(createdAt));
    }

    /**
     * The consignee as printed on the order (收货人姓名, 联系手机, 收货地址): kept on the order as where it was
     * shipped, and used for the customer only to fill what the customer's profile does not say yet (the
     * consignee is often a family member or a parcel locker; a member file owns the profile).
     */
    record Profile(String name, String mobile, String mobileNote, String province, String city, String address) {
        boolean isEmpty() {
            return name == null && mobile == null && city == null && province == null && address == null;
        }
    }

    /** One line of goods: the shop's item code and title as the report gives them, and the file's own category. */
    record Item(String itemId, String title, int quantity, Double amount, String category) {
    }
}
