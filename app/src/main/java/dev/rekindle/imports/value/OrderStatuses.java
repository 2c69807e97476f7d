package dev.rekindle.imports.value;

import dev.rekindle.i18n.Tr;
import java.util.Locale;
import java.util.Map;

/**
 * The store keeps five order statuses: paid, completed (both count as purchases), unpaid, closed and
 * refunded (kept, not counted). Exports use many more: Taobao's Chinese texts (交易成功, 卖家已发货，等待买家确认 …),
 * the Taobao API's TRADE_FINISHED …, and English words from other platforms. Unknown texts are rejected, not
 * guessed, so nothing is silently counted as a purchase.
 */
public final class OrderStatuses {

    public static final String PAID = "paid";
    public static final String COMPLETED = "completed";
    public static final String UNPAID = "unpaid";
    public static final String CLOSED = "closed";
    public static final String REFUNDED = "refunded";

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("paid", PAID), Map.entry("completed", COMPLETED), Map.entry("unpaid", UNPAID),
            Map.entry("closed", CLOSED), Map.entry("refunded", REFUNDED),
            Map.entry("complete", COMPLETED), Map.entry("done", COMPLETED), Map.entry("finished", COMPLETED),
            Map.entry("delivered", COMPLETED), Map.entry("fulfilled", COMPLETED), Map.entry("success", COMPLETED),
            Map.entry("succeeded", COMPLETED), Map.entry("trade_finished", COMPLETED),
            Map.entry("shipped", PAID), Map.entry("sent", PAID), Map.entry("processing", PAID),
            Map.entry("partially_shipped", PAID), Map.entry("wait_seller_send_goods", PAID),
            Map.entry("wait_buyer_confirm_goods", PAID), Map.entry("trade_buyer_signed", PAID),
            Map.entry("seller_consigned_part", PAID),
            Map.entry("pending", UNPAID), Map.entry("pending_payment", UNPAID), Map.entry("awaiting_payment", UNPAID),
            Map.entry("wait_buyer_pay", UNPAID), Map.entry("trade_no_create_pay", UNPAID),
            Map.entry("cancelled", CLOSED), Map.entry("canceled", CLOSED), Map.entry("void", CLOSED),
            Map.entry("voided", CLOSED), Map.entry("expired", CLOSED), Map.entry("failed", CLOSED),
            Map.entry("trade_closed", CLOSED), Map.entry("trade_closed_by_taobao", CLOSED),
            Map.entry("refund", REFUNDED), Map.entry("returned", REFUNDED));

    static String fix() {
        return Tr.t("Known statuses: paid, completed, unpaid, closed, refunded, Taobao's 交易成功, 交易关闭, "
                + "等待买家付款, 卖家已发货, 买家已付款, 等待卖家发货, 退款… and the Taobao API's TRADE_FINISHED, WAIT_BUYER_PAY …");
    }

    private OrderStatuses() {
    }

    /** The store's status; an empty cell means a completed order (files without statuses list sales). */
    public static String status(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            return COMPLETED;
        }
        String word = WORDS.get(s.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        if (word != null) {
            return word;
        }
        // Taobao/Tmall texts, most specific first: "交易关闭" may follow a full refund, "退款" names one
        if (s.contains("退款")) return REFUNDED;
        if (s.contains("交易成功") || s.contains("已完成") || s.contains("已签收")) return COMPLETED;
        if (s.contains("关闭") || s.contains("取消")) return CLOSED;
        if (s.contains("等待买家付款") || s.contains("待付款") || s.contains("未付款")) return UNPAID;
        if (s.contains("已发货") || s.contains("已付款") || s.contains("等待卖家发货") || s.contains("等待买家确认")
                || s.contains("待发货") || s.contains("部分发货") || s.contains("已支付")) return PAID;
        throw new BadValue(Tr.t("is not an order status Rekindle knows"), fix());
    }

    /**
     * Tmall's 退款状态 of one sub-order: true only when the money went back (退款成功); a refund that was
     * asked for, refused or withdrawn leaves the sale standing.
     */
    public static boolean refunded(String refundStatus) {
        String s = refundStatus == null ? "" : refundStatus.strip();
        return s.contains("退款成功") || s.contains("退款完成") || s.equalsIgnoreCase("refunded")
                || s.equalsIgnoreCase("success");
    }
}
