package dev.rekindle.strategy;

import dev.rekindle.api.ContactKind;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.customer.ContactAddresses;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

/**
 * A customer as packed by {@link PackedRows#packedRow}, decoded field by field when asked: rendering
 * a message needs three or four of its twenty-odd values, and decoding all of them into a
 * {@link dev.rekindle.api.CustomerView} cost more than the rendering. Values mean what they mean in a view
 * (a missing stage is {@link Stage#NONE}, missing numbers 0). Not thread-safe, not for keeping: one row.
 */
public final class PackedCustomer {

    private final byte[] json;
    private final int[] at;
    private final int values;
    private final String groupName;
    /** Addresses of kinds without a customers column (customer_contacts), or null: most customers have none. */
    private Map<ContactKind, String> others;

    /** @param at where each of the row's {@code values} values starts in {@code json} (see JsonRow#starts) */
    PackedCustomer(byte[] json, int[] at, int values, String groupName) {
        this.json = json;
        this.at = at;
        this.values = values;
        this.groupName = groupName;
    }

    private String text(int field) {
        return JsonRow.value(json, at[field]);
    }

    private Integer integer(int field) {
        return at[field] < 0 ? null : Integer.valueOf(text(field));
    }

    private int count(int field) {
        return at[field] < 0 ? 0 : Integer.parseInt(text(field));
    }

    /** The value of the caller's k-th extra column, as text. */
    String extra(int k) {
        return text(CustomerRow.FIELD_COUNT + k);
    }

    public long id() { return JsonRow.longValue(json, at[0]); }
    public String buyerId() { return text(1); }
    public String name() { return text(2); }
    public String gender() { return text(8); }
    public String city() { return text(9); }
    public String memberLevel() { return text(10); }
    public int points() { return count(11); }
    public MonthDay birthday() { return TextDates.monthDay(text(7)); }
    public Stage stage() { return at[12] < 0 ? Stage.NONE : Stage.fromCode(text(12)); }
    public RfmSegment segment() { return at[13] < 0 ? null : RfmSegment.fromCode(text(13)); }
    public Integer recencyDays() { return integer(14); }
    public int frequency() { return count(15); }
    public Integer r() { return integer(16); }
    public Integer f() { return integer(17); }
    public Integer m() { return integer(18); }
    public String mainCategory() { return text(19); }
    public LocalDate firstOrder() { return TextDates.date(text(20)); }
    public LocalDate lastOrder() { return TextDates.date(text(21)); }

    /** The snapshot's amount, 0 when there is none (as a live read gives it). */
    public double monetary() {
        int last = values - 1;
        return at[last] < 0 ? 0 : Double.parseDouble(text(last));
    }

    void otherAddresses(Map<ContactKind, String> addresses) {
        this.others = addresses;
    }

    /** The address the customer can be reached at on a contact kind, or null: as a live read finds it. */
    public String address(ContactKind kind) {
        if (kind == ContactKind.MOBILE) return ContactAddresses.mobileAddress(text(3), text(4));
        if (kind == ContactKind.EMAIL) return ContactAddresses.emailAddress(text(5));
        if (kind == ContactKind.WECHAT) return ContactAddresses.wechatAddress(text(6));
        if (kind == ContactKind.GROUP) return groupName;
        return others == null ? null : others.get(kind);
    }
}
