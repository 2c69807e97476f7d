package dev.rekindle.support;

import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Shell tests with the real strategies plugin installed and helpers for demo data plus a snapshot. */
public abstract class CampaignTestSupport extends ShellTestSupport {

    @Autowired
    protected DataSource dataSource;

    @Value("${rekindle.plugins.dir}")
    private String pluginsDir;

    @BeforeEach
    void installStrategies() {
        StrategiesPlugin.installInto(Path.of(pluginsDir));
    }

    /** Demo customers and a snapshot as of the demo's anchor date (today). */
    protected LocalDate demoWithSnapshot(int customers) {
        Result r = run("demo reset --customers " + customers + " --yes");
        if (r.exit() != 0) throw new IllegalStateException(r.all());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        SnapshotFixture.create(dataSource, today);
        return today;
    }
}
