package dev.rekindle.template;

import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Offer;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.shop.ShopProfile;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The data model every template sees (documented in the README, "Template data model"). Every key is
 * always present — unknown values are empty text or 0 — so that a missing-variable error always means a
 * typo in the template, never an unlucky customer.
 */
@Component
public class MessageModel {

    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "南宫", "独孤", "西门");
    private static final Map<String, String> LEVELS = Map.of("normal", "普通会员", "senior", "高级会员", "vip", "VIP会员",
            "svip", "超级VIP会员");

    private final ShopProfile shop;
    private final TemplateSettings settings;

    public MessageModel(ShopProfile shop, TemplateSettings settings) {
        this.shop = shop;
        this.settings = settings;
    }

    /** Prepares the parts shared by all messages of one campaign; then {@link Factory#model} per customer. */
    public Factory forCampaign(CampaignRef campaign) {
        Map<String, Object> shopMap = Map.of("name", shop.name(), "signature", shop.signature(), "url", settings.shopUrl());
        Map<String, Object> campaignMap = Map.of("id", campaign.id(), "name", nz(campaign.name()),
                "strategy", nz(campaign.strategy()), "purpose", campaign.purpose().name(), "as_of", campaign.asOf().toString());
        return new Factory(campaign, shopMap, campaignMap);
    }

    /** Builds per-customer models for one campaign. */
    public final class Factory {
        private final CampaignRef campaign;
        private final Map<String, Object> shopMap;
        private final Map<String, Object> campaignMap;

        private Factory(CampaignRef campaign, Map<String, Object> shopMap, Map<String, Object> campaignMap) {
            this.campaign = campaign;
            this.shopMap = shopMap;
            this.campaignMap = campaignMap;
        }

        public Map<String, Object> model(CustomerView c, Offer offer, Map<String, String> facts) {
            Map<String, Object> m = new HashMap<>(16);
            m.put("shop", shopMap);
            m.put("campaign", campaignMap);
            m.put("customer", customer(c));
            m.put("offer", offer == null ? NO_OFFER
                    : Map.of("code", offer.code(), "title", offer.title(), "detail", offer.detail()));
            m.put("facts", facts == null ? Map.of() : facts);
            m.put("optout", settings.optOut());
            m.put("links", Map.of("shop", settings.shopUrl(),
                    "unsubscribe", settings.unsubscribeUrl(campaign.id(), c.buyerId())));
            return m;
        }
    }

    private static final Map<String, Object> NO_OFFER = Map.of("code", "", "title", "", "detail", "");

    static Map<String, Object> customer(CustomerView c) {
        Map<String, Object> m = new HashMap<>(40);
        m.put("id", c.buyerId());
        m.put("name", nz(c.name()));
        m.put("salutation", salutation(c.name(), c.gender()));
        m.put("gender", nz(c.gender()));
        m.put("city", nz(c.city()));
        m.put("member_level", nz(c.memberLevel()));
        m.put("member_level_name", LEVELS.getOrDefault(nz(c.memberLevel()), nz(c.memberLevel())));
        m.put("points", c.points());
        m.put("birthday", c.birthday() == null ? "" : c.birthday().getMonthValue() + "月" + c.birthday().getDayOfMonth() + "日");
        m.put("stage", c.stage().code());
        m.put("stage_name", c.stage().chineseName());
        RfmSegment s = c.segment();
        m.put("segment", s == null ? "" : s.code());
        m.put("segment_name", s == null ? "" : s.chineseName());
        m.put("r", c.r() == null ? 0 : c.r());
        m.put("f", c.f() == null ? 0 : c.f());
        m.put("m", c.m() == null ? 0 : c.m());
        m.put("recency_days", c.recencyDays() == null ? 0 : c.recencyDays());
        m.put("frequency", c.frequency());
        m.put("monetary", c.monetary());
        m.put("main_category", nz(c.mainCategory()));
        m.put("first_order_date", date(c.firstOrder()));
        m.put("last_order_date", date(c.lastOrder()));
        return m;
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

    /** 2026-03-05 → 3月5日, as Chinese messages write dates. */
    public static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
