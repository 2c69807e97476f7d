package dev.rekindle.customer;

/** A customer's profile and purchase aggregates as stored; contact fields are full, mask before showing. */
public record Customer(long id, String buyerId, String name, String mobile, String mobileNote, String email,
        String wechatId, String birthday, String gender, String city, String province, String memberLevel, int points,
        String createdAt, String erasedAt, String firstOrderAt, String lastOrderAt, int orderCount, double revenue) {
}
