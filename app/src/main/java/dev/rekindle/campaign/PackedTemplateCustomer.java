package dev.rekindle.campaign;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.strategy.PackedCustomer;
import dev.rekindle.template.TemplateCustomer;
import java.time.LocalDate;
import java.time.MonthDay;

/** A planned row's customer as templates see it: each field decoded when the template reads it. */
record PackedTemplateCustomer(PackedCustomer p) implements TemplateCustomer {
    public String buyerId() { return p.buyerId(); }
    public String name() { return p.name(); }
    public String gender() { return p.gender(); }
    public String city() { return p.city(); }
    public String memberLevel() { return p.memberLevel(); }
    public int points() { return p.points(); }
    public MonthDay birthday() { return p.birthday(); }
    public Stage stage() { return p.stage(); }
    public RfmSegment segment() { return p.segment(); }
    public Integer r() { return p.r(); }
    public Integer f() { return p.f(); }
    public Integer m() { return p.m(); }
    public Integer recencyDays() { return p.recencyDays(); }
    public int frequency() { return p.frequency(); }
    public double monetary() { return p.monetary(); }
    public String mainCategory() { return p.mainCategory(); }
    public LocalDate firstOrder() { return p.firstOrder(); }
    public LocalDate lastOrder() { return p.lastOrder(); }
}
