package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.Row;
import dev.rekindle.place.Place;
import dev.rekindle.place.Places;
import dev.rekindle.imports.value.Amounts;
import dev.rekindle.imports.value.Contacts;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.imports.value.OrderStatuses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one order per row (generic files, Taobao's order report, CDNOW). Runs on the reading thread.
 * (An order number seen twice in one file is found by the {@link OrderWriter}, exactly and without a set of
 * every number in memory.)
 */
final class OrderParser implements Pipeline.Parser<OrderRow> {

    private final Cells cells;
    private final DateTimes dates;
    private final boolean synthesizeIds;
    private final boolean profile;
    private final boolean items;
    private final Map<String, Integer> sameDay = new HashMap<>();

    /**
     * @param synthesizeIds the file has no order numbers (CDNOW): make stable ones from customer, date and
     *                      the position among that customer's orders of the day
     */
    OrderParser(Columns columns, DateTimes dates, boolean synthesizeIds) {
        this.cells = new Cells(columns);
        this.dates = dates;
        this.synthesizeIds = synthesizeIds;
        this.profile = columns.has("name") || columns.has("mobile") || columns.has("address") || columns.has("city");
        this.items = columns.has("item_id") || columns.has("product");
    }

    @Override
    public OrderRow parse(Row row) {
        cells.on(row);
        String orderNo = synthesizeIds ? null : cells.required("order_id", "an order number");
        String buyer = cells.required("customer_id", "a customer id");
        String createdAt = cells.parse("time", dates::dateTime);
        if (createdAt == null) {
            throw cells.bad("time", cells.text("time"), Tr.t("is not a time: every order needs the time it was placed"),
                    Tr.t("Fill in the order time"));
        }
        String status = cells.parse("status", OrderStatuses::status);
        double amount = cells.parse("amount", Amounts::amount);
        if (amount < 0) {
            throw cells.bad("amount", cells.text("amount"), Tr.t("is negative"),
                    Tr.t("An order amount cannot be negative; returns belong in a line-item file (--format lines)"));
        }
        String paidAt;
        if (cells.has("paid_time")) {
            paidAt = cells.parse("paid_time", dates::dateTime);
        } else {
            paidAt = PurchaseTally.isPurchase(status) ? createdAt : null;
        }
        int count = cells.text("item_count").isEmpty() ? 1 : cells.parse("item_count", Amounts::count);
        if (count < 0) {
            throw cells.bad("item_count", cells.text("item_count"), Tr.t("is negative"), Tr.t("Write the number of items bought"));
        }
        if (synthesizeIds) {
            String key = buyer + "-" + createdAt.substring(0, 10).replace("-", "");
            orderNo = key + "-" + sameDay.merge(key, 1, Integer::sum);
        }
        String category = cells.optional("category");
        List<OrderRow.Item> lines = null;
        String itemId = this.items ? cells.optional("item_id") : null;
        String title = this.items ? cells.optional("product") : null;
        if (itemId != null || title != null) {
            // a report of one row per order names its goods in one cell: one line, worth the whole order
            lines = List.of(new OrderRow.Item(itemId, title, Math.max(1, count), Amounts.cents(amount), category));
        }
        return new OrderRow(orderNo, buyer, createdAt, paidAt, Amounts.cents(amount), status, count,
                category, profile ? profile(cells) : null, lines, row);
    }

    /** The consignee's details on an order row: name, number, and the place of the address (or of the city column). */
    static OrderRow.Profile profile(Cells cells) {
        String mobile = cells.optional("mobile");
        String address = cells.optional("address");
        Place place = cells.has("city") && cells.optional("city") != null ? Places.ofCity(cells.optional("city"))
                : Places.ofAddress(address);
        return new OrderRow.Profile(cells.optional("name"), mobile, Contacts.mobileNote(mobile), place.province(),
                place.city(), address);
    }
}
