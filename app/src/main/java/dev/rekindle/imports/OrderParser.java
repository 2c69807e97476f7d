package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.value.Addresses;
import dev.rekindle.imports.value.Amounts;
import dev.rekindle.imports.value.Contacts;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.imports.value.OrderStatuses;
import java.util.HashMap;
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
        int items = cells.text("item_count").isEmpty() ? 1 : cells.parse("item_count", Amounts::count);
        if (items < 0) {
            throw cells.bad("item_count", cells.text("item_count"), Tr.t("is negative"), Tr.t("Write the number of items bought"));
        }
        if (synthesizeIds) {
            String key = buyer + "-" + createdAt.substring(0, 10).replace("-", "");
            orderNo = key + "-" + sameDay.merge(key, 1, Integer::sum);
        }
        return new OrderRow(orderNo, buyer, createdAt, paidAt, Amounts.cents(amount), status, items,
                cells.optional("category"), profile ? profile() : null, row);
    }

    private OrderRow.Profile profile() {
        String mobile = cells.optional("mobile");
        String city = cells.optional("city");
        if (city == null) {
            city = Addresses.city(cells.optional("address"));
        }
        return new OrderRow.Profile(cells.optional("name"), mobile, Contacts.mobileNote(mobile), city);
    }
}
