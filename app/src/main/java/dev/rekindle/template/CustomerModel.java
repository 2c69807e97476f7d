package dev.rekindle.template;

import dev.rekindle.api.RfmSegment;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code customer.*} in templates, computed on demand from the customer view: a template that uses
 * three fields costs three lookups, not a map of twenty-four per message (this is the hot path of a
 * million-message dry run). An unknown key is null, which FreeMarker reports as a missing variable.
 * The customer's fields are asked for here, on demand, too (see {@link TemplateCustomer}).
 */
final class CustomerModel implements TemplateHashModel {

    /** The keys templates can use, in the order docs/operator/campaigns.md documents them. */
    static final List<String> KEYS = List.of("id", "name", "salutation", "gender", "city", "member_level", "member_level_name",
            "points", "birthday", "stage", "stage_name", "segment", "segment_name", "r", "f", "m", "recency_days", "frequency",
            "monetary", "main_category", "first_order_date", "last_order_date");

    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫", "独孤", "西门");
    private static final Map<String, String> LEVELS = Map.of("normal", "普通会员", "senior", "高级会员", "vip", "VIP会员",
            "svip", "超级VIP会员");
    private static final SimpleScalar EMPTY = new SimpleScalar("");
    private static final SimpleNumber ZERO = new SimpleNumber(0);

    private final TemplateCustomer c;

    CustomerModel(TemplateCustomer c) {
        this.c = c;
    }

    @Override
    public TemplateModel get(String key) {
        return switch (key) {
            case "id" -> text(c.buyerId());
            case "name" -> text(c.name());
            case "salutation" -> new SimpleScalar(salutation(c.name(), c.gender()));
            case "gender" -> text(c.gender());
            case "city" -> text(c.city());
            case "member_level" -> text(c.memberLevel());
            case "member_level_name" -> text(c.memberLevel() == null ? null : LEVELS.getOrDefault(c.memberLevel(), c.memberLevel()));
            case "points" -> new SimpleNumber(c.points());
            case "birthday" -> text(c.birthday() == null ? null : c.birthday().getMonthValue() + "月" + c.birthday().getDayOfMonth() + "日");
            case "stage" -> text(c.stage().code());
            case "stage_name" -> text(c.stage().chineseName());
            case "segment" -> text(segment() == null ? null : segment().code());
            case "segment_name" -> text(segment() == null ? null : segment().chineseName());
            case "r" -> number(c.r());
            case "f" -> number(c.f());
            case "m" -> number(c.m());
            case "recency_days" -> number(c.recencyDays());
            case "frequency" -> new SimpleNumber(c.frequency());
            case "monetary" -> new SimpleNumber(c.monetary());
            case "main_category" -> text(c.mainCategory());
            case "first_order_date" -> date(c.firstOrder());
            case "last_order_date" -> date(c.lastOrder());
            default -> null;
        };
    }

    private RfmSegment segment() {
        return c.segment();
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    private static TemplateModel text(String s) {
        return s == null || s.isEmpty() ? EMPTY : new SimpleScalar(s);
    }

    private static TemplateModel number(Integer n) {
        return n == null ? ZERO : new SimpleNumber(n);
    }

    private static TemplateModel date(LocalDate d) {
        return d == null ? EMPTY : new SimpleScalar(d.toString());
    }

    /** 王女士 / 王先生 when the gender is known, the full name otherwise, 亲 when there is no name. */
    static String salutation(String name, String gender) {
        if (name == null || name.isBlank()) {
            return "亲";
        }
        String n = name.strip();
        if (!"F".equals(gender) && !"M".equals(gender) || n.length() < 2 || !Character.isIdeographic(n.codePointAt(0))) {
            return n;
        }
        String surname = n.length() > 2 && COMPOUND_SURNAMES.contains(n.substring(0, 2)) ? n.substring(0, 2) : n.substring(0, 1);
        return surname + ("F".equals(gender) ? "女士" : "先生");
    }
}
