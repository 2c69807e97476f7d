package dev.rekindle.imports;

import dev.rekindle.imports.source.Row;
import java.util.Objects;

/**
 * A customer's profile as read from a file; null means "not given" (stored values stay).
 *
 * @param row the file row it was read from, or null for a stored profile
 */
record CustomerRow(String buyerId, String name, String mobile, String mobileNote, String email, String wechatId,
        String birthday, String gender, String province, String city, String memberLevel, Integer points, String createdAt,
        Row row) {

    /** What the stored profile becomes: given values replace, and a masked number never replaces a full one. */
    CustomerRow over(CustomerRow stored) {
        boolean takeMobile = mobile != null && (!"masked".equals(mobileNote) || stored.mobile == null
                || "masked".equals(stored.mobileNote));
        return new CustomerRow(stored.buyerId, or(name, stored.name), takeMobile ? mobile : stored.mobile,
                takeMobile ? mobileNote : stored.mobileNote, or(email, stored.email), or(wechatId, stored.wechatId),
                or(birthday, stored.birthday), or(gender, stored.gender),
                city != null ? province : or(province, stored.province), or(city, stored.city),
                or(memberLevel, stored.memberLevel), points != null ? points : stored.points, or(createdAt, stored.createdAt),
                row);
    }

    private static <T> T or(T given, T stored) {
        return given != null ? given : stored;
    }

    boolean sameAs(CustomerRow o) {
        return Objects.equals(name, o.name) && Objects.equals(mobile, o.mobile) && Objects.equals(mobileNote, o.mobileNote)
                && Objects.equals(email, o.email) && Objects.equals(wechatId, o.wechatId)
                && Objects.equals(birthday, o.birthday) && Objects.equals(gender, o.gender) && Objects.equals(city, o.city)
                && Objects.equals(province, o.province)
                && Objects.equals(memberLevel, o.memberLevel) && Objects.equals(points, o.points)
                && Objects.equals(createdAt, o.createdAt);
    }
}
