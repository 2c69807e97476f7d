package dev.rekindle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A person erased on request (PIPL) does not come back when an old export is imported again. */
class ForgottenCustomerImportTests extends ImportTestSupport {

    static final String ORDERS = """
            order_id,customer_id,time,amount,name,mobile
            A-1,wang.fang,2024-03-01 10:00:00,120.00,王芳,13812345678
            A-2,wang.fang,2024-05-02 11:00:00,80.00,王芳,13812345678
            A-3,li.lei,2024-05-03 12:00:00,99.00,李雷,13900001111
            """;

    @Test
    void shouldSkipTheOrdersOfAForgottenBuyerWhenTheSameFileComesAgain() {
        Path file = write("orders.csv", ORDERS);
        assertThat(run("orders import " + file).exit()).isZero();
        assertThat(run("customers forget wang.fang --yes").exit()).isZero();

        Result again = run("orders import " + file);

        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("customer erased on request (customers forget): 2");
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE buyer_id = 'wang.fang' OR name = '王芳'")
                .query(Long.class).single()).as("the person is not re-created").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE mobile = '13812345678'").query(Long.class).single()).isZero();
        assertThat(count("orders")).as("the anonymous orders stay, nothing is added").isEqualTo(3);
        assertThat(order("A-3").get("buyer_id")).isEqualTo("li.lei");
    }

    @Test
    void shouldSkipAForgottenBuyerInACustomerFileToo() {
        write("orders.csv", ORDERS);
        assertThat(run("orders import " + dir.resolve("orders.csv")).exit()).isZero();
        assertThat(run("customers forget wang.fang --yes").exit()).isZero();
        Path profiles = write("customers.csv", """
                customer_id,name,mobile,city
                wang.fang,王芳,13812345678,杭州
                han.mei,韩梅,13700002222,上海
                """);

        Result r = run("customers import " + profiles);

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("customer erased on request (customers forget): 1");
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE buyer_id IN ('wang.fang', 'han.mei')").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldKeepOnlyAKeyedHashOfTheForgottenId() {
        write("orders.csv", ORDERS);
        run("orders import " + dir.resolve("orders.csv"));
        run("customers forget wang.fang --yes");

        String stored = jdbc.sql("SELECT buyer_hash FROM forgotten_buyers").query(String.class).single();
        assertThat(stored).hasSize(64).doesNotContain("wang");
        assertThat(contents()).doesNotContain("wang.fang");
    }
}
