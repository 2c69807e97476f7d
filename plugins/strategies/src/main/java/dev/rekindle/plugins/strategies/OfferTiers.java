package dev.rekindle.plugins.strategies;

import dev.rekindle.api.Offer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's offer tiers, shared by all strategies: a widening gradient from a small coupon to an
 * exclusive one (the articles: offers above the usual 10% off wake far more sleepers). Each strategy
 * maps segments to tiers; the shop renames or rewrites tiers with {@code tiers.<code>.title|detail}.
 */
final class OfferTiers {

    static final String NONE = "none";

    private static final Map<String, Offer> DEFAULTS = new LinkedHashMap<>();

    static {
        add("coupon-10", "老客专享9折券", "全店通用，7天内有效");
        add("coupon-20", "老客专享8折券", "全店满99元可用，7天内有效");
        add("coupon-30", "专属7折券", "全店满199元可用，7天内有效");
        add("cash-20", "20元无门槛券", "下单直接抵扣，15天内有效");
        add("points-double", "双倍积分", "本周下单积分翻倍");
        add("gift", "回购赠品", "下单即送精美小样一份");
        add("vip-early", "新品优先购", "新品上架前48小时专享购买资格");
        add("trial", "新品试用装", "免费领取新品试用装，仅需付邮费");
        add("birthday-gift", "生日礼", "生日当月下单送定制礼物一份");
    }

    private static void add(String code, String title, String detail) {
        DEFAULTS.put(code, new Offer(code, title, detail));
    }

    private final Map<String, Offer> tiers;

    private OfferTiers(Map<String, Offer> tiers) {
        this.tiers = tiers;
    }

    /** The default tiers with the shop's overrides and additions from the plugin settings. */
    static OfferTiers from(Map<String, String> settings) {
        Map<String, Offer> t = new LinkedHashMap<>(DEFAULTS);
        settings.forEach((key, value) -> {
            if (!key.startsWith("tiers.")) return;
            String rest = key.substring("tiers.".length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0) return;
            String code = rest.substring(0, dot);
            Offer old = t.getOrDefault(code, new Offer(code, "", ""));
            switch (rest.substring(dot + 1)) {
                case "title" -> t.put(code, new Offer(code, value.strip(), old.detail()));
                case "detail" -> t.put(code, new Offer(code, old.title(), value.strip()));
                default -> throw new IllegalArgumentException("unknown tier setting tiers." + rest + " (title or detail)");
            }
        });
        return new OfferTiers(t);
    }

    /** The tier, empty for "none". */
    Optional<Offer> get(String code) {
        if (code == null || code.isBlank() || code.equals(NONE)) {
            return Optional.empty();
        }
        Offer o = tiers.get(code.strip());
        if (o == null) {
            throw new IllegalArgumentException("unknown offer tier '" + code + "'. Tiers: " + String.join(", ", tiers.keySet())
                    + " or none");
        }
        if (o.title().isBlank()) {
            throw new IllegalArgumentException("offer tier '" + code + "' has no title (tiers." + code + ".title)");
        }
        return Optional.of(o);
    }

    Map<String, Offer> all() {
        return tiers;
    }
}
