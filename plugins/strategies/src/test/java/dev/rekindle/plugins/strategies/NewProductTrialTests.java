package dev.rekindle.plugins.strategies;

import static dev.rekindle.plugins.strategies.Customers.AS_OF;
import static dev.rekindle.plugins.strategies.Customers.buyer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.api.CustomerView;
import dev.rekindle.api.DataNeed;
import dev.rekindle.api.PlanContext;
import dev.rekindle.api.Product;
import dev.rekindle.api.RfmSegment;
import dev.rekindle.api.Stage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With launch dates, the trial offers what is new, in the category the customer buys, by name. */
class NewProductTrialTests {

    static final Product OLD_SERUM = new Product("S-1", "精华液", "美妆护肤", null, AS_OF.minusDays(400));
    static final Product NEW_SERUM = new Product("S-2", "玻尿酸精华 新款", "美妆护肤", null, AS_OF.minusDays(20));
    static final Product NEWER_SERUM = new Product("S-3", "胶原蛋白精华", "美妆护肤", null, AS_OF.minusDays(5));
    static final Product NEW_BABY = new Product("B-1", "有机米粉", "母婴用品", null, AS_OF.minusDays(10));
    static final Product NOT_YET = new Product("S-4", "明年新品", "美妆护肤", null, AS_OF.plusDays(3));

    final CustomerView skincare = buyer(1, Stage.ACTIVE, RfmSegment.IMPORTANT_VALUE, 20).frequency(5).build();

    @Test
    void theNewestProductOfTheCustomersCategoryShouldBeNamed() {
        NewProductTrial s = new NewProductTrial();
        PlanContext ctx = new PlanContext(AS_OF, List.of(OLD_SERUM, NEW_SERUM, NEWER_SERUM, NEW_BABY, NOT_YET));

        assertEquals(Set.of("美妆护肤", "母婴用品"), s.candidates(ctx).mainCategories());
        assertEquals("胶原蛋白精华", s.decide(skincare, ctx).orElseThrow().facts().get("product"));
    }

    @Test
    void nothingNewMeansNobody() {
        NewProductTrial s = new NewProductTrial();
        PlanContext ctx = new PlanContext(AS_OF, List.of(OLD_SERUM, NOT_YET));

        assertTrue(s.candidates(ctx).nobody());
        assertTrue(s.decide(skincare, ctx).isEmpty());
    }

    @Test
    void aNewProductOfAnotherCategoryShouldNotPickTheCustomer() {
        NewProductTrial s = new NewProductTrial();
        PlanContext ctx = new PlanContext(AS_OF, List.of(OLD_SERUM, NEW_BABY));

        assertEquals(Set.of("母婴用品"), s.candidates(ctx).mainCategories());
        assertTrue(s.decide(skincare, ctx).isEmpty());
    }

    @Test
    void aProductNamedInTheSettingsWinsOverLaunchDates() {
        NewProductTrial s = new NewProductTrial();
        s.configure(Map.of("new-product-trial.product", "限定礼盒"));
        PlanContext ctx = new PlanContext(AS_OF, List.of(OLD_SERUM));

        assertEquals("限定礼盒", s.decide(skincare, ctx).orElseThrow().facts().get("product"));
    }

    @Test
    void strategiesShouldDeclareTheDataTheyNeed() {
        assertEquals(Set.of(DataNeed.ORDERS, DataNeed.ORDER_CATEGORIES, DataNeed.PRODUCT_LIFESPANS),
                new ReplenishmentReminder().needs());
        assertEquals(Set.of(DataNeed.BIRTHDAYS), new BirthdayCare().needs());
        assertEquals(Set.of(DataNeed.ORDERS, DataNeed.ORDER_CATEGORIES), new NewProductTrial().needs());
    }
}
