package dev.rekindle.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * A segmentation snapshot made with plain SQL ({@code fixtures/snapshot.sql}, also used by the
 * benchmark), standing in for {@code segments refresh} in campaign tests.
 */
public final class SnapshotFixture {

    private SnapshotFixture() {
    }

    public static void create(DataSource dataSource, LocalDate asOf) {
        try (InputStream in = SnapshotFixture.class.getResourceAsStream("/fixtures/snapshot.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{AS_OF}}", asOf.toString());
            new ResourceDatabasePopulator(new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8))).execute(dataSource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
