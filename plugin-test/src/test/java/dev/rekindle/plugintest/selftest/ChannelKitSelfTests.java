package dev.rekindle.plugintest.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rekindle.plugintest.ChannelKit;
import dev.rekindle.plugintest.ChannelUnderTest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The kit can fail: a plugin jar whose channel reads an undeclared setting and reports a lost answer as a
 * transient failure runs through {@link ChannelKit}, and exactly the checks for those mistakes fail, each
 * saying what to change; the checks of what it does right pass.
 */
class ChannelKitSelfTests {

    @TempDir
    static Path tmp;

    static Path jar;

    /** The kit as an author would write it, on the leaky jar. Nested: surefire does not run it by itself. */
    static class LeakyKit extends ChannelKit {
        @Override
        protected ChannelUnderTest channel() {
            return ChannelUnderTest.channel("leaky").jar(jar).webhook(fake -> Map.of("url", fake.url("/hook")));
        }
    }

    @Test
    void aChannelThatReadsUndeclaredSettingsAndRetriesLostAnswersFailsTheKit() throws IOException {
        jar = pluginJar(tmp.resolve("channel-leaky-0.1.0.jar"));
        Map<String, String> outcomes = new TreeMap<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                    outcomes.put(test.getDisplayName().replace("()", ""), result.getStatus() + result.getThrowable()
                            .map(t -> ": " + t.getMessage()).orElse(""));
                }
            }
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(LeakyKit.class)).build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);

        assertEquals(9, outcomes.size(), outcomes.toString());
        assertTrue(outcomes.get("thePluginStartsAndItsChannelIsReady").startsWith("SUCCESSFUL"), outcomes.toString());
        assertTrue(outcomes.get("aCampaignReachesEachCustomerOnceThroughTheDeliveryEngine").startsWith("SUCCESSFUL"), outcomes.toString());
        String settings = outcomes.get("everySettingTheChannelLooksUpIsDeclared");
        assertTrue(settings.startsWith("FAILED") && settings.contains("[mood]") && settings.contains("declaredSettings()"), settings);
        String faults = outcomes.get("providerFaultsAreReadAsTheEngineNeedsThem");
        assertTrue(faults.startsWith("FAILED") && faults.contains("DeliveryResult.unknown"), faults);
    }

    /** The channel's class, an extension index naming it, and a PF4J descriptor: a plugin jar as Maven would build it. */
    private static Path pluginJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", "channel-leaky");
        a.putValue("Plugin-Version", "0.1.0");
        a.putValue("Plugin-Provider", "kit self-test");
        // the range a plugin built against this API gets (>=1.0.0 & <2.0.0 for API 1.x)
        int major = Integer.parseInt(dev.rekindle.api.ApiVersion.current().split("[.]")[0]);
        a.putValue("Plugin-Requires", ">=" + major + ".0.0 & <" + (major + 1) + ".0.0");
        String name = LeakyChannel.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write((LeakyChannel.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry(name));
            try (var in = LeakyChannel.class.getClassLoader().getResourceAsStream(name)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
        return jar;
    }
}
