package dev.rekindle.template;

import dev.rekindle.api.CustomerView;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.time.LocalDate;
import java.time.MonthDay;

/**
 * What {@code customer.*} shows in a template, field by field. A {@link CustomerView} is one (previews,
 * trials); a campaign's renderer passes rows that decode a field only when a template asks for it — a
 * template reads two or three fields per message, a view holds twenty.
 */
public interface TemplateCustomer {

    String buyerId();

    String name();

    String gender();

    String city();

    String memberLevel();

    int points();

    MonthDay birthday();

    Stage stage();

    RfmSegment segment();

    Integer r();

    Integer f();

    Integer m();

    Integer recencyDays();

    int frequency();

    double monetary();

    String mainCategory();

    LocalDate firstOrder();

    LocalDate lastOrder();

    static TemplateCustomer of(CustomerView view) {
        return new View(view);
    }

    /** A customer view's fields as they are. */
    record View(CustomerView v) implements TemplateCustomer {
        public String buyerId() { return v.buyerId(); }
        public String name() { return v.name(); }
        public String gender() { return v.gender(); }
        public String city() { return v.city(); }
        public String memberLevel() { return v.memberLevel(); }
        public int points() { return v.points(); }
        public MonthDay birthday() { return v.birthday(); }
        public Stage stage() { return v.stage(); }
        public RfmSegment segment() { return v.segment(); }
        public Integer r() { return v.r(); }
        public Integer f() { return v.f(); }
        public Integer m() { return v.m(); }
        public Integer recencyDays() { return v.recencyDays(); }
        public int frequency() { return v.frequency(); }
        public double monetary() { return v.monetary(); }
        public String mainCategory() { return v.mainCategory(); }
        public LocalDate firstOrder() { return v.firstOrder(); }
        public LocalDate lastOrder() { return v.lastOrder(); }
    }
}
