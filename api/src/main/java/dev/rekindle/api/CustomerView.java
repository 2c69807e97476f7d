package dev.rekindle.api;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

/**
 * Everything a strategy may look at to decide about one customer: profile, which contact data exists
 * (never the addresses themselves), lifecycle stage and RFM from the current snapshot, and the latest
 * orders when the strategy asked for them ({@link CandidateFilter#lastOrders()}).
 *
 * @param id              the host's internal customer id
 * @param buyerId         the shop's buyer id
 * @param birthday        month and day, or null; {@code birthYear} is null when the year is unknown
 * @param contacts        which contact data the customer has (a usable mobile, email, WeChat id, any other kind
 *                        the shop imported, e.g. {@code line})
 * @param recencyDays     days from the last purchase to the as-of date, null when never bought
 * @param r               RFM scores 1–5 (5 = best), null when never bought
 * @param lastOrders      newest first; empty unless the strategy asked for orders
 * @param lastContactedAt the day of the last message any campaign delivered, or null (send mode fills it)
 */
public record CustomerView(
        long id, String buyerId, String name, String gender, MonthDay birthday, Integer birthYear, String city,
        String memberLevel, int points, Set<ContactKind> contacts,
        Stage stage, RfmSegment segment, Integer recencyDays, int frequency, double monetary,
        Integer r, Integer f, Integer m, String mainCategory, LocalDate firstOrder, LocalDate lastOrder,
        List<PastOrder> lastOrders, LocalDate lastContactedAt) {

    public CustomerView {
        contacts = contacts == null || contacts.isEmpty() ? Set.of() : Set.copyOf(contacts);
        lastOrders = lastOrders == null ? List.of() : List.copyOf(lastOrders);
        stage = stage == null ? Stage.NONE : stage;
    }

    public boolean has(ContactKind kind) {
        return contacts.contains(kind);
    }

    /** Days since the first purchase as of the given day, or -1 when never bought. */
    public long daysSinceFirstOrder(LocalDate asOf) {
        return firstOrder == null ? -1 : asOf.toEpochDay() - firstOrder.toEpochDay();
    }

    /** For tests and tools: {@code CustomerView.builder(1, "tb1").stage(Stage.SILENT).recencyDays(120).build()}. */
    public static Builder builder(long id, String buyerId) {
        return new Builder(id, buyerId);
    }

    /** Builds a view field by field; unset fields are empty (no contacts, stage none, no orders). */
    public static final class Builder {
        private final long id;
        private final String buyerId;
        private String name;
        private String gender;
        private MonthDay birthday;
        private Integer birthYear;
        private String city;
        private String memberLevel = "normal";
        private int points;
        private Set<ContactKind> contacts = Set.of();
        private Stage stage = Stage.NONE;
        private RfmSegment segment;
        private Integer recencyDays;
        private int frequency;
        private double monetary;
        private Integer r;
        private Integer f;
        private Integer m;
        private String mainCategory;
        private LocalDate firstOrder;
        private LocalDate lastOrder;
        private List<PastOrder> lastOrders = List.of();
        private LocalDate lastContactedAt;

        private Builder(long id, String buyerId) {
            this.id = id;
            this.buyerId = buyerId;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder gender(String v) { gender = v; return this; }
        public Builder birthday(MonthDay v, Integer year) { birthday = v; birthYear = year; return this; }
        public Builder city(String v) { city = v; return this; }
        public Builder memberLevel(String v) { memberLevel = v; return this; }
        public Builder points(int v) { points = v; return this; }
        public Builder contacts(ContactKind... v) { contacts = Set.copyOf(java.util.Arrays.asList(v)); return this; }
        public Builder stage(Stage v) { stage = v; return this; }
        public Builder segment(RfmSegment v) { segment = v; return this; }
        public Builder recencyDays(Integer v) { recencyDays = v; return this; }
        public Builder frequency(int v) { frequency = v; return this; }
        public Builder monetary(double v) { monetary = v; return this; }
        public Builder scores(Integer r, Integer f, Integer m) { this.r = r; this.f = f; this.m = m; return this; }
        public Builder mainCategory(String v) { mainCategory = v; return this; }
        public Builder firstOrder(LocalDate v) { firstOrder = v; return this; }
        public Builder lastOrder(LocalDate v) { lastOrder = v; return this; }
        public Builder lastOrders(List<PastOrder> v) { lastOrders = v; return this; }
        public Builder lastContactedAt(LocalDate v) { lastContactedAt = v; return this; }

        public CustomerView build() {
            return new CustomerView(id, buyerId, name, gender, birthday, birthYear, city, memberLevel, points, contacts,
                    stage, segment, recencyDays, frequency, monetary, r, f, m, mainCategory, firstOrder, lastOrder,
                    lastOrders, lastContactedAt);
        }
    }
}
