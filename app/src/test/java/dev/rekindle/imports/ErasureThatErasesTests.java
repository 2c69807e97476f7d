package dev.rekindle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekindle.store.DatabaseLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Issue 20 item 7, the proof: after {@code customers forget}, the person's mobile, e-mail, name and buyer id
 * are in none of the bytes of the database file and its WAL, nor in the shell history or the outboxes; and
 * the buyer id in another letter case does not bring the person back.
 */
class ErasureThatErasesTests extends ImportTestSupport {

    static final String BUYER = "TB_Oyang.Nana";
    static final String MOBILE = "15266551696";
    static final String EMAIL = "oyang.nana@example.cn";
    static final String NAME = "欧阳娜娜";

    @Autowired
    DatabaseLocation database;

    @Value("${rekindle.data-dir}")
    Path dataDir;

    private List<String> foundIn(Path file) throws Exception {
        if (!Files.exists(file)) {
            return List.of();
        }
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return java.util.stream.Stream.of(BUYER, MOBILE, EMAIL, NAME)
                .filter(v -> bytes.contains(new String(v.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
                .toList();
    }

    @Test
    void forgetShouldLeaveNoCopyInTheDatabaseFileHistoryOrOutboxes() throws Exception {
        // the person's row is written, then updated twice: old copies end up in the file's free space
        Path orders = write("orders.csv", "order_id,customer_id,time,amount,buyer_name,mobile\n"
                + "E-1," + BUYER + ",2024-03-01 10:00:00,120.00," + NAME + "," + MOBILE + "\n"
                + "E-2,li.lei,2024-05-03 12:00:00,99.00,李雷,13900001111\n");
        assertThat(run("orders import " + orders).exit()).isZero();
        assertThat(run("customers import " + write("c1.csv", "customer_id,email,city\n" + BUYER + "," + EMAIL + ",杭州\n")).exit()).isZero();
        assertThat(run("customers import " + write("c2.csv", "customer_id,city,points\n" + BUYER + ",上海,300\n")).exit()).isZero();
        assertThat(run("customers find --mobile 1696").exit()).isZero();
        Path history = dataDir.resolve("history");
        Files.writeString(history, String.join("\n",
                "customers find --name 李", "customers find --mobile 1696", "customers show " + BUYER,
                "customers find --name " + NAME, "templates validate", "customers forget " + BUYER + " --yes") + "\n");
        Path outbox = Files.createDirectories(dataDir.resolve("outbox"));
        Path jsonl = outbox.resolve("campaign-9-dry-run.jsonl");
        Files.writeString(jsonl, "{\"campaign\":9,\"customer\":\"" + BUYER + "\",\"channel\":\"sms\",\"to\":\"152****1696\","
                + "\"text\":\"【暖心小铺】" + NAME + "，您好\"}\n"
                + "{\"campaign\":9,\"customer\":\"li.lei\",\"channel\":\"sms\",\"to\":\"139****1111\",\"text\":\"【暖心小铺】李雷，您好\"}\n");
        Path csv = outbox.resolve("winback.csv");
        Files.writeString(csv, "\uFEFFcampaign,customer,channel,to,text\r\n9," + BUYER + ",sms,152****1696,\"【暖心小铺】" + NAME
                + "，\r\n您好\"\r\n9,li.lei,sms,139****1111,【暖心小铺】李雷\r\n");
        // the operator shares this one with the group: rewriting it must not change who may read it
        Files.setPosixFilePermissions(csv, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Path group = Files.createDirectories(outbox.resolve("taobao-group/2026-12-07")).resolve("vip.txt");
        Files.writeString(group, "@" + NAME + " 新品到店\n");
        run("customers show " + BUYER); // reads only
        jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query().listOfRows();
        assertThat(foundIn(database.path())).as("the set-up wrote the person into the file").containsExactlyInAnyOrder(BUYER, MOBILE, EMAIL, NAME);

        Result r = run("customers forget " + BUYER + " --yes");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(foundIn(database.path())).as("database file").isEmpty();
        assertThat(foundIn(database.path().resolveSibling(database.path().getFileName() + "-wal"))).as("WAL").isEmpty();
        assertThat(foundIn(history)).as("history:\n" + Files.readString(history)).isEmpty();
        assertThat(Files.readString(history)).contains("customers find --name 李", "templates validate")
                .doesNotContain("--mobile 1696");
        assertThat(foundIn(jsonl)).as("jsonl outbox").isEmpty();
        assertThat(foundIn(csv)).as("csv outbox").isEmpty();
        assertThat(Files.readString(jsonl)).contains("li.lei");
        assertThat(Files.readString(csv)).startsWith("\uFEFFcampaign,customer").contains("li.lei");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)))
                .as("the rewritten file keeps its permissions").isEqualTo("rw-r-----");
        assertThat(r.out()).contains("none of the person's values is left in it", "4 line(s) naming the person removed",
                "Outbox files rewritten without the person", "delete them (or the messages in them): " + group);
        assertThat(count("orders")).isEqualTo(2);
    }

    @Test
    void theBuyerIdInAnotherLetterCaseShouldNotBringThePersonBack() {
        Path orders = write("orders.csv", "order_id,customer_id,time,amount,buyer_name,mobile\n"
                + "E-1," + BUYER + ",2024-03-01 10:00:00,120.00," + NAME + "," + MOBILE + "\n");
        assertThat(run("orders import " + orders).exit()).isZero();
        assertThat(run("customers forget " + BUYER.toLowerCase() + " --yes").exit()).as("found in any case").isZero();

        Result again = run("customers import " + write("c.csv", "customer_id,name,mobile\n" + BUYER.toUpperCase() + "," + NAME + "," + MOBILE + "\n"));

        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("customer erased on request (customers forget): 1");
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE name = ? OR mobile = ?").params(NAME, MOBILE)
                .query(Long.class).single()).isZero();
    }

    @Test
    void copiesLeftInFreeSpaceByEarlierWorkAreFoundAndTheFileRebuilt() throws Exception {
        Path orders = write("orders.csv", "order_id,customer_id,time,amount,buyer_name,mobile\n"
                + "E-1," + BUYER + ",2024-03-01 10:00:00,120.00," + NAME + "," + MOBILE + "\n");
        assertThat(run("orders import " + orders).exit()).isZero();
        // what an earlier delete without secure_delete leaves behind (e.g. a packed campaign chunk dropped by a trigger)
        jdbc.sql("INSERT INTO settings(key, value) VALUES ('probe.old-copy', ?)").param((MOBILE + "," + NAME + ";").repeat(300)).update();
        jdbc.sql("DELETE FROM settings WHERE key = 'probe.old-copy'").update();
        jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query().listOfRows();
        assertThat(foundIn(database.path())).contains(MOBILE, NAME);

        Result r = run("customers forget " + BUYER + " --yes");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("rebuilt with VACUUM");
        assertThat(foundIn(database.path())).as("database file").isEmpty();
        assertThat(foundIn(database.path().resolveSibling(database.path().getFileName() + "-wal"))).as("WAL").isEmpty();
    }
}
