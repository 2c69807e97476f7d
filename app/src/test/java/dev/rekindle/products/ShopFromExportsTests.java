package dev.rekindle.products;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.support.CampaignTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A shop that has only its own exports (src/test/resources/shop): a GBK Taobao order report and a GBK Tmall
 * sub-order report carrying item titles and codes, a GBK member file whose names and cities differ from the
 * consignees, a product file, category rules and opt-ins. No demo generator. As of 2024-09-12 (中秋节 is on
 * 09-17) every one of the ten strategies finds someone to contact.
 */
class ShopFromExportsTests extends CampaignTestSupport {

    static final String AS_OF = "2024-09-12";
    static final List<String> FILES = List.of("taobao-orders.csv", "tmall-suborders.csv", "members.csv", "products.csv",
            "category-rules.csv", "optins.csv");

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void importTheShop() {
        dev.rekindle.store.DataWipe.allData(jdbc); // an empty shop: no demo data
        String[][] steps = {{"orders import", "taobao-orders.csv"}, {"orders import", "tmall-suborders.csv"},
                {"customers import", "members.csv"}, {"products import", "products.csv"},
                {"products rules", "category-rules.csv"}, {"consents import", "optins.csv"}};
        for (String[] step : steps) {
            Result r = run(step[0] + " " + fixture(step[1]));
            assertThat(r.exit()).as(r.all()).isZero();
        }
    }

    Path fixture(String name) {
        try {
            Path target = dir.resolve(name);
            Files.copy(Path.of("src/test/resources/shop").resolve(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> customer(String buyer) {
        return jdbc.sql("SELECT name, mobile, city, province, birthday, gender, member_level FROM customers WHERE buyer_id = ?")
                .param(buyer).query().singleRow();
    }

    @Test
    void theMemberFileShouldOwnTheProfileAndTheOrderKeepItsConsignee() {
        // 李娜 lives in 深圳; her parcels go to a 菜鸟驿站 in 杭州
        assertThat(customer("tb_d1")).containsEntry("name", "李娜").containsEntry("city", "深圳")
                .containsEntry("province", "广东").containsEntry("mobile", "13800000002");
        assertThat(jdbc.sql("SELECT consignee, ship_province, ship_city, ship_address FROM orders o JOIN customers c "
                + "ON c.id = o.customer_id WHERE c.buyer_id = 'tb_d1'").query().singleRow())
                .containsEntry("consignee", "菜鸟驿站").containsEntry("ship_province", "浙江").containsEntry("ship_city", "杭州")
                .containsEntry("ship_address", "浙江省 杭州市 西湖区 文三路 菜鸟驿站");
        // 上海市 in the member file and 上海 in the addresses are one city
        assertThat(customer("tb_v1")).containsEntry("name", "王芳").containsEntry("city", "上海").containsEntry("province", "上海")
                .containsEntry("birthday", "1985-02-14").containsEntry("gender", "F").containsEntry("member_level", "vip");
        // no member record: the consignee fills the empty profile
        assertThat(customer("tb_p1")).containsEntry("name", "赵敏").containsEntry("city", "北京").containsEntry("province", "北京");
        // an address without spaces still gives its place
        assertThat(customer("tb_n1")).containsEntry("city", "深圳").containsEntry("province", "广东");

        // the orders again (Taobao and Tmall) after the member file: nothing changes, no customer is touched
        for (String file : List.of("taobao-orders.csv", "tmall-suborders.csv")) {
            Result again = run("orders import " + fixture(file));
            assertThat(again.out()).as(file).contains("0 added, 0 updated").containsPattern("customers\\s+0 added, 0 updated");
        }
        assertThat(customer("tb_d1")).containsEntry("name", "李娜").containsEntry("city", "深圳").containsEntry("mobile", "13800000002");
        assertThat(customer("tm_r1")).containsEntry("name", "周杰伦").containsEntry("city", "成都");
    }

    @Test
    void reimportingEveryUnchangedFileShouldReportNothingUpdated() {
        for (String file : FILES) {
            String command = switch (file) {
                case "members.csv" -> "customers import ";
                case "products.csv" -> "products import ";
                case "category-rules.csv" -> "products rules ";
                case "optins.csv" -> "consents import ";
                default -> "orders import ";
            };
            Result again = run(command + fixture(file));
            assertThat(again.exit()).as(again.all()).isZero();
            assertThat(again.out()).as(file).containsPattern("  0 added, 0 updated, [1-9]\\d* unchanged")
                    .doesNotContainPattern("[1-9]\\d* updated").doesNotContain("got another category");
        }
    }

    @Test
    void ordersShouldGetCategoriesFromProductsAndRulesAndKeepTheirLines() {
        Map<String, String> categories = new java.util.TreeMap<>();
        jdbc.sql("SELECT c.buyer_id, o.category FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.created_at")
                .query((rs, n) -> categories.put(rs.getString(1), rs.getString(2))).list();
        assertThat(categories).containsEntry("tb_v1", "茶叶")   // product TEA-LJ by 商家编码
                .containsEntry("tb_n1", "茶叶")                  // rule: 茶
                .containsEntry("tb_s1", "服饰")                  // rule: 围巾
                .containsEntry("tb_z1", "箱包")                  // rule: 包
                .containsEntry("tb_r2", "护肤")                  // product CREAM-50
                .containsEntry("tm_r1", "洗护");                 // Tmall 商品ID 600100, the biggest line
        assertThat(jdbc.sql("""
                SELECT oi.line, oi.item_id, oi.title FROM order_items oi JOIN orders o ON o.id = oi.order_id
                WHERE o.order_no = 'M9001' ORDER BY oi.line""").query().listOfRows())
                .extracting(r -> r.get("item_id") + " " + r.get("title"))
                .containsExactly("600100 去屑洗发水 500ml", "600200 洗发水 试用装");

        Result list = run("products list");
        assertThat(list.out()).contains("TEA-NEW", "桂花乌龙 2024秋季新茶", "2024-08-01")
                .containsPattern("Orders 18: 18 list their goods, 18 have a category");
        Result show = run("products show 600100");
        assertThat(show.exit()).as(show.all()).isZero();
        assertThat(show.out()).contains("洗护", "30 days", "2 orders, 2 buyers, 3 units");
    }

    @Test
    void everyStrategyShouldPlanRealTargetsFromTheImportedFilesAlone() {
        assertThat(run("segments refresh --as-of " + AS_OF).exit()).isZero();
        Map<String, String> expected = Map.of(
                "replenishment-reminder", "tb_r2 tm_r1",
                "new-product-trial", "tb_n1 tb_v1",
                "post-purchase-thanks", "tb_p1",
                "dormancy-reminder", "tb_d1",
                "winback-silent", "tb_s1",
                "winback-sleeping", "tb_z1",
                "last-call-lost", "tb_l1",
                "birthday-care", "tb_b1");
        List<String> strategies = List.of("birthday-care", "dormancy-reminder", "holiday-greeting", "last-call-lost",
                "new-product-trial", "post-purchase-thanks", "replenishment-reminder", "vip-exclusive", "winback-silent",
                "winback-sleeping");
        for (String s : strategies) {
            Result r = run("campaigns plan " + s + " --holdout 0");
            assertThat(r.exit()).as(r.all()).isZero();
            Matcher m = Pattern.compile("to send\\s+([\\d,]+)").matcher(r.out());
            assertThat(m.find()).as(s + ": " + r.all()).isTrue();
            assertThat(Long.parseLong(m.group(1).replace(",", ""))).as(s + ": " + r.out()).isPositive();
            if (expected.containsKey(s)) {
                long id = Long.parseLong(r.out().replaceAll("(?s)^Campaign (\\d+) planned.*", "$1"));
                String targets = String.join(" ", jdbc.sql("""
                        SELECT c.buyer_id FROM campaign_members m JOIN customers c ON c.id = m.customer_id
                        WHERE m.campaign_id = ? AND m.status = 'target' ORDER BY c.buyer_id""").param(id).query(String.class).list());
                assertThat(targets).as(s).isEqualTo(expected.get(s));
            }
            // each strategy on its own: an open plan's targets would count towards the next one's frequency caps
            assertThat(run("campaigns cancel " + s + " --yes").exit()).isZero();
        }
        // the new-product trial names the new tea, launched 2024-08-01
        assertThat(jdbc.sql("""
                SELECT DISTINCT m.facts FROM campaign_members m JOIN campaigns k ON k.id = m.campaign_id
                WHERE k.strategy = 'new-product-trial'""").query(String.class).list())
                .allMatch(f -> f.contains("桂花乌龙 2024秋季新茶"));
        assertThat(run("metrics --by city").out()).containsOnlyOnce("上海").doesNotContain("上海市");
        assertThat(run("metrics --by province").out()).contains("广东", "上海", "北京").doesNotContain("广东省");
        assertThat(run("segments define guangdong --where \"province = 广东\"").exit()).isZero();
        Result members = run("segments show guangdong");
        assertThat(members.all()).contains("tb_d1", "tb_n1", "tb_b1").doesNotContain("tb_v1");
    }
}
