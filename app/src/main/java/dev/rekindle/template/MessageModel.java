package dev.rekindle.template;

import dev.rekindle.api.CustomerView;
import dev.rekindle.api.Offer;
import dev.rekindle.shop.ShopProfile;
import freemarker.template.DefaultMapAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Configuration;
import freemarker.template.SimpleHash;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The data model every template sees (documented in docs/operator/campaigns.md, "Template data model"):
 * {@code shop}, {@code campaign}, {@code customer}, {@code offer}, {@code facts}, {@code optout},
 * {@code links}. Every documented key is always present — unknown values are empty text or 0 — so that a
 * missing-variable error always means a typo in the template, never an unlucky customer. The parts
 * shared by a campaign are built once; the customer's are computed on demand.
 */
@Component
public class MessageModel {

    static final DefaultObjectWrapper WRAPPER = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build();

    private final ShopProfile shop;
    private final TemplateSettings settings;

    public MessageModel(ShopProfile shop, TemplateSettings settings) {
        this.shop = shop;
        this.settings = settings;
    }

    /** Prepares the parts shared by all messages of one campaign; then {@link Factory#model} per customer. */
    public Factory forCampaign(CampaignRef campaign) {
        SimpleHash shopModel = hash(Map.of("name", shop.name(), "signature", shop.signature(), "url", settings.shopUrl()));
        SimpleHash campaignModel = hash(Map.of("id", campaign.id(), "name", nz(campaign.name()), "strategy", nz(campaign.strategy()),
                "purpose", campaign.purpose().name(), "as_of", campaign.asOf().toString()));
        return new Factory(campaign, shopModel, campaignModel);
    }

    private static SimpleHash hash(Map<String, Object> m) {
        return new SimpleHash(new HashMap<>(m), WRAPPER);
    }

    /** Builds per-customer models for one campaign. Not thread-safe (it caches offers): one per thread. */
    public final class Factory {
        private final CampaignRef campaign;
        private final SimpleHash shopModel;
        private final SimpleHash campaignModel;
        private final SimpleScalar optOut = new SimpleScalar(settings.optOut());
        private final SimpleScalar shopUrl = new SimpleScalar(settings.shopUrl());
        private final Map<Offer, TemplateHashModel> offers = new HashMap<>();
        private final TemplateHashModel noOffer = hash(Map.of("code", "", "title", "", "detail", ""));
        private Map<String, String> lastFacts;
        private TemplateHashModel lastFactsModel;

        private Factory(CampaignRef campaign, SimpleHash shopModel, SimpleHash campaignModel) {
            this.campaign = campaign;
            this.shopModel = shopModel;
            this.campaignModel = campaignModel;
        }

        /** The root of the data model for one message. */
        public TemplateHashModel model(CustomerView c, Offer offer, Map<String, String> facts) {
            return model(TemplateCustomer.of(c), offer, facts);
        }

        /** The same for a customer whose fields are decoded when a template asks for them. */
        public TemplateHashModel model(TemplateCustomer c, Offer offer, Map<String, String> facts) {
            TemplateHashModel offerModel = offer == null ? noOffer
                    : offers.computeIfAbsent(offer, o -> hash(Map.of("code", o.code(), "title", o.title(), "detail", o.detail())));
            Map<String, String> f = facts == null ? Map.of() : facts;
            if (f != lastFacts) { // a campaign's shared facts are one map: wrap it once
                lastFacts = f;
                lastFactsModel = DefaultMapAdapter.adapt(f, WRAPPER);
            }
            TemplateHashModel factsModel = lastFactsModel;
            CustomerModel customer = new CustomerModel(c);
            return new TemplateHashModel() {
                @Override
                public TemplateModel get(String key) {
                    return switch (key) {
                        case "shop" -> shopModel;
                        case "campaign" -> campaignModel;
                        case "customer" -> customer;
                        case "offer" -> offerModel;
                        case "facts" -> factsModel;
                        case "optout" -> optOut;
                        case "links" -> links(c);
                        default -> null;
                    };
                }

                @Override
                public boolean isEmpty() {
                    return false;
                }
            };
        }

        private TemplateHashModel links(TemplateCustomer c) {
            return new TemplateHashModel() {
                @Override
                public TemplateModel get(String key) {
                    return switch (key) {
                        case "shop" -> shopUrl;
                        case "unsubscribe" -> new SimpleScalar(settings.unsubscribeUrl(campaign.id(), c.buyerId()));
                        default -> null;
                    };
                }

                @Override
                public boolean isEmpty() {
                    return false;
                }
            };
        }
    }

    /** 2026-03-05 → 3月5日, as Chinese messages write dates. */
    public static String chineseDate(LocalDate d) {
        return d == null ? "" : d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String salutation(String name, String gender) {
        return CustomerModel.salutation(name, gender);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
