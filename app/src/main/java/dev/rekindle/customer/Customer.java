package dev.rekindle.customer;

/** A customer's profile and purchase aggregates as stored; contact fields are full, mask before showing. */
public record Customer(long id, String buyerId, String name, String mobile, String mobileNote, String email,
        String wechatId, String birthday, String gender, String city, String province, String memberLevel, int points,
        String createdAt, String erasedAt, String firstOrderAt, String lastOrderAt, int orderCount, double revenue) {

    /**
     * The birthday as people write it: {@code 1990-12-10}, or {@code 12-10} when the year is unknown. The
     * database keeps ISO's {@code --12-10} for that case (its month and day are then the last five characters
     * either way), which nobody should have to read.
     */
    public String birthdayShown() {
        return birthday != null && birthday.startsWith("--") ? birthday.substring(2) : birthday;
    }
}
