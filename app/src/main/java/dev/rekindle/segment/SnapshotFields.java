package dev.rekindle.segment;

import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import dev.rekindle.filter.FilterField;
import dev.rekindle.filter.FilterField.Choices;
import dev.rekindle.filter.FilterFieldProvider;
import dev.rekindle.filter.SqlFragment;
import dev.rekindle.i18n.Tr;
import dev.rekindle.store.CustomerStats;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The built-in fields of the customer view: the snapshot's figures, the profile, purchases by category,
 * contacts and consents. Not here yet: "days since last contact" needs the delivery ledger, which belongs
 * to the campaigns feature; it can add the field with one {@link FilterFieldProvider} entry.
 */
@Component
class SnapshotFields implements FilterFieldProvider {

    /** Birthdays are 'YYYY-MM-DD' or '--MM-DD': the month and day are always the last five characters. */
    private static final String BIRTH_MMDD = "substr(c.birthday, length(c.birthday) - 4, 5)";

    @Override
    public List<FilterField> fields() {
        return List.of(
                FilterField.choice("stage", "lifecycle stage: " + codes(Stage.values()) + " (or 沉默期 …)",
                        stageChoices(), "cs.stage").notNull(),
                FilterField.choice("segment", "RFM segment: " + codes(RfmSegment.values()) + " (or 重要挽留 …)",
                        segmentChoices(), "cs.segment"),
                FilterField.number("r", "recency score 1–5 (5 = bought most recently)", "cs.r"),
                FilterField.number("f", "frequency score 1–5 (5 = most orders)", "cs.f"),
                FilterField.number("m", "monetary score 1–5 (5 = spent most)", "cs.m"),
                FilterField.number("recency_days", "days since the last purchase at the snapshot's as-of date", "cs.recency_days"),
                FilterField.number("frequency", "purchase orders in the snapshot's window", "cs.frequency").notNull(),
                FilterField.number("monetary", "amount spent in the snapshot's window (yuan)", "cs.monetary").notNull(),
                FilterField.date("first_order_date", "day of the first purchase", "substr(cs.first_order_at, 1, 10)"),
                FilterField.date("last_order_date", "day of the last purchase", "substr(cs.last_order_at, 1, 10)"),
                FilterField.text("main_category", "the category the customer mostly buys", "cs.main_category"),
                FilterField.flag("bought", "bought in any of these categories up to the as-of date", "")
                        .withArguments("CATEGORY, …", (ctx, categories) -> SqlFragment.of(
                                "c.id IN (SELECT o.customer_id FROM orders o WHERE o.status IN " + CustomerStats.PURCHASE_STATUSES
                                        + " AND o.created_at < ? AND o.category IN (" + marks(categories.size()) + "))",
                                params(ctx.endOfAsOf(), categories))),
                FilterField.text("member_level", "member level (normal, senior, vip, svip …; any case)", "lower(c.member_level)")
                        .ignoringCase(),
                FilterField.number("points", "member points", "c.points").notNull(),
                FilterField.text("city", "city, short form (上海, 深圳; 上海市 is stored as 上海)", "c.city"),
                FilterField.text("province", "province, short form (广东, 上海, 内蒙古)", "c.province"),
                FilterField.choice("gender", "F or M (female/male, 女/男)", Choices.of(List.of("F", "M"),
                        Map.of("female", "F", "woman", "F", "女", "F", "male", "M", "man", "M", "男", "M")), "c.gender"),
                FilterField.number("age", "whole years at the snapshot's as-of date (birthdays with a year)", "")
                        .withExpression((ctx, args) -> SqlFragment.of("""
                                (CASE WHEN substr(c.birthday, 1, 2) <> '--' AND length(c.birthday) = 10 THEN
                                   ? - CAST(substr(c.birthday, 1, 4) AS INTEGER)
                                     - (CASE WHEN ? < %s THEN 1 ELSE 0 END) END)""".formatted(BIRTH_MMDD),
                                ctx.asOf().getYear(), ctx.asOf().toString().substring(5))),
                FilterField.number("birthday_month", "month of the birthday, 1–12",
                        "CAST(substr(c.birthday, length(c.birthday) - 4, 2) AS INTEGER)"),
                FilterField.number("birthday_day", "day of the month of the birthday, 1–31",
                        "CAST(substr(c.birthday, length(c.birthday) - 1, 2) AS INTEGER)"),
                FilterField.flag("has_mobile", "a mobile number is on file", "(c.mobile IS NOT NULL AND c.mobile <> '')"),
                FilterField.flag("has_email", "an email address is on file", "(c.email IS NOT NULL AND c.email <> '')"),
                FilterField.flag("has_wechat", "a WeChat id is on file", "(c.wechat_id IS NOT NULL AND c.wechat_id <> '')"),
                FilterField.choice("consent", "the latest decision for a channel (sms, email, wechat …): granted, refused "
                        + "or unknown; a refusal of all channels counts for each", Choices.of(
                                List.of("granted", "refused", "unknown"), Map.of("yes", "granted", "no", "refused")), "")
                        .notNull()
                        .withArguments("CHANNEL", (ctx, channels) -> {
                            if (channels.size() != 1) {
                                throw new IllegalArgumentException(Tr.t("give exactly one channel, e.g. consent(sms) = granted"));
                            }
                            String ch = channels.get(0).toLowerCase(Locale.ROOT);
                            return SqlFragment.of("""
                                    (CASE WHEN EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id AND k.granted = 0
                                                       AND k.channel IN (?, '*')) THEN 'refused'
                                          WHEN EXISTS (SELECT 1 FROM consents k WHERE k.customer_id = c.id AND k.granted = 1
                                                       AND k.channel IN (?, '*')) THEN 'granted'
                                          ELSE 'unknown' END)""", ch, ch);
                        }));
    }

    private static Choices stageChoices() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            aliases.put(s.chineseName(), s.code());
            if (s.chineseName().endsWith("期")) {
                aliases.put(s.chineseName().substring(0, s.chineseName().length() - 1), s.code());
            }
        }
        return Choices.of(Arrays.stream(Stage.values()).map(Stage::code).toList(), aliases);
    }

    private static Choices segmentChoices() {
        Map<String, String> aliases = new LinkedHashMap<>();
        for (RfmSegment s : RfmSegment.values()) {
            aliases.put(s.chineseName(), s.code());                                    // 重要挽留客户
            aliases.put(s.chineseName().replaceFirst("客户$", ""), s.code());          // 重要挽留
        }
        return Choices.of(Arrays.stream(RfmSegment.values()).map(RfmSegment::code).toList(), aliases);
    }

    private static String codes(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object[] params(Object first, List<String> rest) {
        Object[] p = new Object[rest.size() + 1];
        p[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            p[i + 1] = rest.get(i);
        }
        return p;
    }
}
