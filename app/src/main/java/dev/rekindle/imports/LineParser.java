package dev.rekindle.imports;

import com.carrotsearch.hppc.LongHashSet;
import dev.rekindle.i18n.Tr;
import dev.rekindle.imports.source.Columns;
import dev.rekindle.imports.source.Row;
import dev.rekindle.imports.value.Amounts;
import dev.rekindle.imports.value.DateTimes;
import dev.rekindle.imports.value.OrderStatuses;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one product line per row: generic line items ({@code --format lines}) or Tmall's sub-order report.
 * A negative quantity, or a cancelled-invoice number such as {@code C536379}, makes the line a return.
 */
final class LineParser implements Pipeline.Parser<LineParser.Line> {

    /** Online Retail style cancellations: the letter C before the invoice number. */
    private static final Pattern CANCELLED = Pattern.compile("[Cc]\\d{4,}");

    /**
     * @param amount  what the line is worth (positive, also for returns)
     * @param counted whether it counts as a purchase (status paid/completed and not refunded)
     */
    record Line(long line, String orderNo, String buyerId, String createdAt, String paidAt, String status,
            double quantity, double amount, String category, boolean isReturn, boolean counted, String name,
            String mobile, String mobileNote, String province, String city, String address, String itemId, String title,
            List<String> raw) {
    }

    private final Cells cells;
    private final DateTimes dates;
    private final boolean tmall;
    private final LongHashSet subOrders = new LongHashSet();

    LineParser(Columns columns, DateTimes dates, boolean tmall) {
        this.cells = new Cells(columns);
        this.dates = dates;
        this.tmall = tmall;
    }

    @Override
    public Line parse(Row row) {
        cells.on(row);
        return tmall ? tmall(row) : line(row);
    }

    private Line line(Row row) {
        String order = cells.required("order_id", "an order (invoice) number");
        String buyer = cells.optional("customer_id");
        if (buyer == null) {
            throw new Pipeline.Skip(Tr.t("no customer id"));
        }
        String at = time();
        double quantity = cells.parse("quantity", Amounts::amount);
        double price = cells.parse("unit_price", Amounts::amount);
        if (quantity == 0) {
            throw new Pipeline.Skip(Tr.t("zero quantity"));
        }
        if (price < 0) {
            throw new Pipeline.Skip(Tr.t("negative unit price (an adjustment, not a sale)"));
        }
        boolean isReturn = quantity < 0 || CANCELLED.matcher(order).matches();
        double q = Math.abs(quantity);
        return new Line(row.line(), order, buyer, at, isReturn ? null : at, OrderStatuses.COMPLETED, q, q * price,
                cells.optional("category"), isReturn, !isReturn, null, null, null, null, null, null,
                cells.optional("item_id"), cells.optional("product"), row.fields());
    }

    private Line tmall(Row row) {
        String sub = cells.required("sub_order_id", "a sub-order number");
        String order = cells.required("order_id", "a main order number");
        String buyer = cells.required("customer_id", "the buyer's member name");
        String at = time();
        String paidAt = cells.parse("paid_time", dates::dateTime);
        String status = cells.parse("status", OrderStatuses::status);
        if (cells.has("refund_status") && OrderStatuses.refunded(cells.text("refund_status"))) {
            status = OrderStatuses.REFUNDED;
        }
        int quantity = cells.text("quantity").isEmpty() ? 1 : cells.parse("quantity", Amounts::count);
        double amount;
        if (!cells.text("line_amount").isEmpty()) {
            amount = cells.parse("line_amount", Amounts::amount);
        } else if (!cells.text("unit_price").isEmpty()) {
            amount = quantity * cells.parse("unit_price", Amounts::amount);
        } else {
            throw cells.bad(cells.has("line_amount") ? "line_amount" : "unit_price", "", Tr.t("is empty"),
                    Tr.t("Each sub-order needs what the buyer paid (买家实付金额) or the price (商品价格)"));
        }
        if (amount < 0 || quantity < 0) {
            throw cells.bad("line_amount", cells.text("line_amount"), Tr.t("is negative"), Tr.t("Write what the buyer paid for this sub-order"));
        }
        if (!subOrders.add(Keys.of(sub))) {
            throw cells.bad("sub_order_id", sub, Tr.t("appears again: this sub-order is on an earlier line too"),
                    Tr.t("Each sub-order must be listed once; remove the repeated line (exports that overlap in time repeat them)"));
        }
        OrderRow.Profile p = OrderParser.profile(cells);
        return new Line(row.line(), order, buyer, at, paidAt, status, quantity, amount, cells.optional("category"),
                false, PurchaseTally.isPurchase(status), p.name(), p.mobile(), p.mobileNote(), p.province(), p.city(),
                p.address(), cells.optional("item_id"), cells.optional("product"), row.fields());
    }

    private String time() {
        String at = cells.parse("time", dates::dateTime);
        if (at == null) {
            throw cells.bad("time", cells.text("time"), Tr.t("is not a time: every line needs the time of its order"),
                    Tr.t("Fill in the order time"));
        }
        return at;
    }
}
