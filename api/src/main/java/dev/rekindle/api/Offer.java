package dev.rekindle.api;

/**
 * What a message offers the customer, e.g. {@code coupon-20 / 老客专享8折券 / 全店满99元可用，7天内有效}.
 * Templates show {@code offer.title} and {@code offer.detail}; the code identifies the tier in reports.
 */
public record Offer(String code, String title, String detail) {

    public Offer {
        if (code == null || code.isBlank()) throw new IllegalArgumentException("offer code is required");
        title = title == null ? "" : title;
        detail = detail == null ? "" : detail;
    }
}
