package dev.rekindle.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.support.CampaignTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop that imported only its Taobao order report: the strategies that need more say which data and which
 * command brings it, and a plan that finds nobody stores no campaign (and is not an error).
 */
class DataNeedsTests extends CampaignTestSupport {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void onlyOrders() throws IOException {
        dev.rekindle.store.DataWipe.allData(jdbc);
        Path file = dir.resolve("taobao-orders.csv");
        Files.copy(Path.of("src/test/resources/shop/taobao-orders.csv"), file, StandardCopyOption.REPLACE_EXISTING);
        assertThat(run("orders import " + file).exit()).isZero();
        assertThat(run("segments refresh --as-of 2024-09-12").exit()).isZero();
    }

    @Test
    void strategiesShowShouldNameTheMissingDataAndTheCommandThatBringsIt() {
        Result replenish = run("strategies show replenishment-reminder");
        assertThat(replenish.out()).contains("missing data")
                .contains("no order has a category", "products rules FILE")
                .contains("no product has a lifespan — products import FILE with a lifespan_days (使用周期) column");
        Result birthdays = run("strategies show birthday-care");
        assertThat(birthdays.out()).contains("no customer has a birthday — customers import FILE");
        assertThat(run("strategies show winback-silent").out()).doesNotContain("missing data");
    }

    @Test
    void aPlanThatFindsNobodyShouldStoreNoCampaignAndSayWhy() {
        Result r = run("campaigns plan replenishment-reminder");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("Nobody is eligible for replenishment-reminder today", "no campaign was created",
                "replenishment-reminder lacks data:", "products import FILE");
        assertThat(jdbc.sql("SELECT count(*) FROM campaigns").query(Long.class).single()).isZero();
        assertThat(run("campaigns list").out()).contains("No campaigns yet");
    }

    @Test
    void lifespansOfGoodsNobodyOrderedShouldBeSaidToo() throws IOException {
        Path products = dir.resolve("other-products.csv");
        Files.writeString(products, "item_id,title,category,lifespan_days\nX-1,别家的洗衣液,洗衣,45\n");
        assertThat(run("products import " + products).exit()).isZero();
        Path rules = dir.resolve("rules.csv");
        Files.copy(Path.of("src/test/resources/shop/category-rules.csv"), rules, StandardCopyOption.REPLACE_EXISTING);
        assertThat(run("products rules " + rules).exit()).isZero();

        assertThat(run("strategies show replenishment-reminder").out())
                .contains("no ordered goods match a product with a lifespan").doesNotContain("no order has a category");
    }

    @Test
    void onceProductsAndRulesAreThereTheReasonGoes() {
        for (String f : new String[] {"products.csv", "category-rules.csv"}) {
            try {
                Files.copy(Path.of("src/test/resources/shop").resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(run("products import " + dir.resolve("products.csv")).out()).contains("got another category");
        assertThat(run("products rules " + dir.resolve("category-rules.csv")).exit()).isZero();
        assertThat(run("strategies show replenishment-reminder").out()).doesNotContain("missing data");
    }
}
