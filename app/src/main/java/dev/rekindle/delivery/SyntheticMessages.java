package dev.rekindle.delivery;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages that no campaign planned, for trying the delivery engine end to end, the kill test and the
 * send benchmark: either the database's own customers (their real contact data, consents and caps
 * apply), or made-up numbers (no customer rows: only care passes the consent guard).
 */
public final class SyntheticMessages {

    /** Made-up customers get ids above this, so they never meet a real customer's history. */
    static final long NUMBERS_BASE = 1_000_000_000L;

    public enum Source { CUSTOMERS, NUMBERS }

    private SyntheticMessages() {
    }

    public static Stream<DeliveryRequest> of(JdbcClient jdbc, long campaign, String channel, ContactKind contact, Purpose purpose,
            Source source, int count, String signature) {
        if (source == Source.NUMBERS) {
            boolean group = contact == ContactKind.GROUP;
            return LongStream.rangeClosed(1, count).mapToObj(i -> request(campaign, group ? 0 : NUMBERS_BASE + i, "synthetic-" + i,
                    channel, made(contact, i), "顾客" + i, purpose, signature));
        }
        if (contact == ContactKind.GROUP) {
            throw new IllegalArgumentException("group channels take --source numbers (made-up groups)");
        }
        List<Customer> customers = jdbc.sql("""
                SELECT id, buyer_id, name, mobile, mobile_note, email, wechat_id FROM customers
                WHERE erased_at IS NULL ORDER BY id LIMIT ?""").param(count).query(Customer.class).list();
        return customers.stream().map(c -> request(campaign, c.id(), c.buyerId(), channel, c.address(contact),
                c.name() == null ? "亲" : c.name(), purpose, signature));
    }

    record Customer(long id, String buyerId, String name, String mobile, String mobileNote, String email, String wechatId) {
        String address(ContactKind kind) {
            // masked or virtual numbers cannot receive an SMS
            if (ContactKind.MOBILE.equals(kind)) return mobileNote == null && mobile != null && mobile.matches("1[3-9]\\d{9}") ? mobile : null;
            if (ContactKind.EMAIL.equals(kind)) return email;
            if (ContactKind.WECHAT.equals(kind)) return wechatId;
            return null; // groups, and kinds kept in customer_contacts: use --source numbers
        }
    }

    private static String made(ContactKind kind, long i) {
        if (ContactKind.MOBILE.equals(kind)) return String.format("139%08d", i);
        if (ContactKind.EMAIL.equals(kind)) return "buyer" + i + "@example.com";
        if (ContactKind.WECHAT.equals(kind)) return "o-synthetic-openid-" + i;
        if (ContactKind.GROUP.equals(kind)) return "合成测试群" + i;
        return "synthetic-" + kind.id() + "-" + i;
    }

    private static DeliveryRequest request(long campaign, long customer, String buyerId, String channel, String to, String name,
            Purpose purpose, String signature) {
        String text = "【" + signature + "】" + name + "您好，这是第" + campaign + "号活动的合成测试消息。"
                + (purpose == Purpose.MARKETING ? "回T退订" : "");
        return new DeliveryRequest(campaign, customer, buyerId, channel, to, "第" + campaign + "号活动 · 测试", text,
                "<p>" + text + "</p>", purpose, Map.of("name", name), false);
    }
}
