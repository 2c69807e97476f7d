package dev.rekindle.plugintest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rekindle.api.Channel;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Setting;
import dev.rekindle.delivery.DeliveryEngine;
import dev.rekindle.delivery.DeliveryLedger;
import dev.rekindle.delivery.DeliveryRequest;
import dev.rekindle.delivery.DeliveryState;
import dev.rekindle.delivery.SendOptions;
import dev.rekindle.delivery.SendReport;
import dev.rekindle.delivery.UnknownOutcomes;
import dev.rekindle.fakes.Fault;
import dev.rekindle.plugin.PluginExtensions;
import dev.rekindle.plugin.PluginSettings;
import dev.rekindle.plugin.RekindlePluginManager;
import dev.rekindle.plugintest.dryrun.DryRunPlugin;
import dev.rekindle.plugintest.dryrun.KitDryRunStrategy;
import dev.rekindle.console.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pf4j.PluginState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contract suite for a channel plugin. The jar is loaded by a real Rekindle host (the app's plugin
 * manager, settings binding, delivery engine and ledger, on a SQLite file in a temporary folder) and its
 * channel sends to a loopback provider fake. A plugin author extends this class and says which channel:
 *
 * <pre>
 * class DingtalkKitIT extends ChannelKit {
 *     &#64;Override
 *     protected ChannelUnderTest channel() {
 *         return ChannelUnderTest.channel("dingtalk").webhook(fake -&gt; Map.of("url", fake.url("/hook")));
 *     }
 * }
 * </pre>
 *
 * Named {@code *IT}, it runs after {@code package} ({@code mvn verify}, with the failsafe plugin) against
 * the jar Maven built. What it proves, in order: the plugin starts and its channel is ready; every setting
 * the channel looks up is declared and secrets are masked; a test message goes through; a campaign is sent
 * through the delivery engine with each message taken once; provider faults are read as the engine needs
 * them (5xx and 429 retried, a lost answer or a timeout recorded as unknown and never sent again); a send
 * killed mid-run (a second JVM, SIGKILL) and resumed gives each customer exactly one message; and no
 * secret or full mobile number reached the log or the ledger.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ChannelKit {

    private static final long SEND = 9101;
    private static final long FAULTS = 9102;
    private static final long KILL = 9103;

    /** The channel under test and how it reaches its provider. */
    protected abstract ChannelUnderTest channel();

    private ChannelUnderTest setup;
    private KitProvider provider;
    private KitHost host;
    private Path home;
    private String pluginId;
    private Map<String, String> settings;
    private final List<String> recipientsSent = new ArrayList<>();

    @BeforeAll
    void startHost() throws IOException {
        setup = channel();
        Path jar = setup.jar();
        pluginId = pluginId(jar);
        provider = setup.startProvider();
        provider.timeoutHold(3_000);
        settings = new LinkedHashMap<>(provider.settings());
        settings.putAll(setup.settings());
        Map<String, String> props = new LinkedHashMap<>();
        settings.forEach((k, v) -> props.put(PluginSettings.PREFIX + pluginId + "." + k, v));
        props.put(PluginSettings.PREFIX + DryRunPlugin.PLUGIN_ID + ".channel", setup.channelId());
        home = Files.createTempDirectory("rekindle-plugin-test");
        Path dryRun = DryRunPlugin.write(home.resolve("kit"), setup.channelId());
        host = KitHost.create(home, List.of(jar, dryRun), props);
    }

    @AfterAll
    void stopHost() throws IOException {
        if (host != null) host.close();
        if (provider != null) provider.close();
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The host running the plugin, for checks of your own (its commands, beans and log). */
    protected KitHost host() {
        return host;
    }

    /** The provider fake the channel talks to. */
    protected KitProvider provider() {
        return provider;
    }

    // ---- 1. loads, starts, ready --------------------------------------------------------------------

    @Test
    @Order(1)
    void thePluginStartsAndItsChannelIsReady() {
        RekindlePluginManager plugins = host.bean(RekindlePluginManager.class);
        PluginExtensions extensions = host.bean(PluginExtensions.class);
        List<RekindlePluginManager.Problem> problems = plugins.problems().stream().filter(p -> !"?".equals(p.pluginId())).toList();
        assertTrue(problems.isEmpty(), "the host reports problems with the plugin: " + problems);
        assertNotNull(plugins.getPlugin(pluginId), "plugin " + pluginId + " is not loaded; load failures: " + plugins.loadFailures());
        assertEquals(PluginState.STARTED, plugins.getPlugin(pluginId).getPluginState(), "plugin " + pluginId);
        PluginExtensions.Found<Channel> found = found(extensions);
        assertNull(found.settingsError(), "channel " + setup.channelId() + " rejected its settings: " + found.settingsError());
        assertEquals(List.of(), found.missingRequired(), "required settings without a value: set them with .setting(name, value)");
        assertEquals(List.of(), found.extension().missingSettings(), "the channel says it misses settings");
    }

    // ---- 2. settings declared, secrets masked ---------------------------------------------------------

    @Test
    @Order(2)
    void everySettingTheChannelLooksUpIsDeclared() {
        PluginExtensions.Found<Channel> found = found(host.bean(PluginExtensions.class));
        Set<String> declared = found.declared().stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
        Map<String, String> values = new LinkedHashMap<>(host.bean(PluginSettings.class).forPlugin(pluginId, found.declared()));
        host.bean(PluginExtensions.class).hostFacts().forEach(values::putIfAbsent);
        ReadRecorder recorder = new ReadRecorder(values);
        found.extension().configure(recorder);
        Set<String> undeclared = new TreeSet<>(recorder.lookedUp());
        undeclared.removeIf(k -> declared.contains(k) || k.startsWith("host."));
        assertTrue(undeclared.isEmpty(), "channel " + setup.channelId() + " reads settings it does not declare: " + undeclared
                + " (declare them in declaredSettings(): Setting.named(…).description(…), so that channels show lists them and "
                + "secrets are masked)");
        for (Setting s : found.declared()) {
            assertFalse(s.description() == null || s.description().isBlank(), "setting " + s.name() + " has no description (channels show prints it)");
            if (PluginSettings.isSecret(s.name())) {
                assertTrue(s.secret(), "setting " + s.name() + " is named like a secret: declare it .secret()");
            }
        }
    }

    @Test
    @Order(3)
    void channelsShowListsTheSettingsWithSecretsMasked() {
        KitHost.Result show = host.run(List.of("channels", "show", setup.channelId()));
        assertEquals(0, show.exit(), show.all());
        PluginExtensions.Found<Channel> found = found(host.bean(PluginExtensions.class));
        for (Setting s : found.declared()) {
            assertTrue(show.out().contains(s.name()), "channels show does not list setting " + s.name() + ":\n" + show.out());
            String value = settings.get(s.name());
            if ((s.secret() || PluginSettings.isSecret(s.name())) && value != null && !value.isBlank()) {
                assertFalse(show.out().contains(value), "channels show prints the secret " + s.name() + ":\n" + show.out());
            }
        }
    }

    // ---- 3. a dry run, one message by hand, then campaigns through the delivery engine ------------------

    @Test
    @Order(4)
    void aDryRunRendersMessagesForTheDemoShopsCustomers() throws IOException {
        assertEquals(0, host.run(List.of("demo", "reset", "--customers", "60", "--yes")).exit(), "demo reset");
        assertEquals(0, host.run(List.of("segments", "refresh")).exit(), "segments refresh");
        // a strategy of the kit's own plans one care message for every customer through this channel
        KitHost.Result plan = host.run(List.of("campaigns", "plan", KitDryRunStrategy.ID, "--holdout", "0"));
        assertEquals(0, plan.exit(), "campaigns plan for channel " + setup.channelId() + ":\n" + plan.all());
        Long campaign = host.bean(JdbcClient.class).sql("SELECT max(id) FROM campaigns WHERE strategy = ?").param(KitDryRunStrategy.ID)
                .query(Long.class).optional().orElse(null);
        Assumptions.assumeTrue(campaign != null, "no demo customer has an address for channel " + setup.channelId() + " (contact "
                + contact() + "), so there is nothing to dry-run:\n" + plan.out());
        long requests = provider.requests();
        Path outbox = home.resolve("kit").resolve("dry-run.jsonl");
        KitHost.Result dry = host.run(List.of("campaigns", "dry-run", String.valueOf(campaign), "--out", outbox.toString()));
        assertEquals(0, dry.exit(), "campaigns dry-run:\n" + dry.all());
        List<String> lines = Files.readAllLines(outbox, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty(), "the dry run rendered no message:\n" + dry.out());
        assertTrue(lines.stream().allMatch(l -> l.contains("Rekindle 插件测试")), "a message without its text: " + lines.get(0));
        assertFalse(dry.out().contains("too-long") || dry.out().contains("too long"), dry.out());
        assertEquals(requests, provider.requests(), "a dry run touches no channel, yet the provider got requests");
    }


    @Test
    @Order(5)
    void aTestMessageGoesThrough() {
        String to = recipients(9100, 1).get(0).recipient();
        long before = taken();
        KitHost.Result r = host.run(List.of("channels", "test", setup.channelId(), "--to", to));
        assertEquals(0, r.exit(), "channels test " + setup.channelId() + " --to " + to + ":\n" + r.all());
        assertEquals(before + 1, taken(), "the provider took " + (taken() - before) + " messages for one channels test:\n" + r.all());
        recipientsSent.add(to);
    }

    @Test
    @Order(6)
    void aCampaignReachesEachCustomerOnceThroughTheDeliveryEngine() {
        List<DeliveryRequest> messages = recipients(SEND, setup.messages());
        SendReport r = send(SEND, messages, SendOptions.send());
        assertEquals(messages.size(), r.sent(), "sent, of " + messages.size() + ": " + r);
        assertNoUnidentifiedRequests();
        for (DeliveryRequest m : messages) {
            assertEquals(1L, provider.takenByKey().getOrDefault(m.key(), 0L), "the provider took " + m.key());
            assertEquals(DeliveryState.SENT, ledger().stateOf(m.key()).orElse(null), m.key());
        }
        long requests = provider.requests();
        SendReport again = send(SEND, messages, SendOptions.resume());
        assertEquals(0, again.sent(), "a resume of a finished campaign sends nothing: " + again);
        assertEquals(requests, provider.requests(), "a resume of a finished campaign made requests to the provider");
    }

    @Test
    @Order(7)
    void providerFaultsAreReadAsTheEngineNeedsThem() {
        List<DeliveryRequest> messages = recipients(FAULTS, setup.messages());
        provider.faults().clear();
        // the first five requests meet a fault each; retries and the rest are answered normally
        provider.faults().next(Fault.HTTP_500, 1).next(Fault.THROTTLING, 1).next(Fault.DROP_AFTER_RECEIPT, 1)
                .next(Fault.TIMEOUT, 1).next(Fault.HTTP_500, 1);
        SendReport r = send(FAULTS, messages, SendOptions.send());
        provider.faults().clear();
        Map<DeliveryState, Long> states = ledger().counts(FAULTS);
        assertEquals(2L, states.getOrDefault(DeliveryState.UNKNOWN, 0L), "a connection dropped after the request went out and an "
                + "answer that never came must be DeliveryResult.unknown(…): the provider may have taken the message, so the host must "
                + "never send it again by itself (Webhooks.send does this). Ledger: " + states + "; run: " + r);
        assertEquals(messages.size() - 2L, states.getOrDefault(DeliveryState.SENT, 0L), "5xx and 429 answers must be "
                + "DeliveryResult.transientFailure(…) (the engine retries them, after Retry-After); ledger: " + states + "; run: " + r);
        Map<String, Long> taken = provider.takenByKey();
        for (DeliveryRequest m : messages) {
            long n = taken.getOrDefault(m.key(), 0L);
            assertTrue(n <= 1, m.key() + " reached the customer " + n + " times");
            if (ledger().stateOf(m.key()).orElse(null) == DeliveryState.SENT) assertEquals(1L, n, m.key() + " is recorded sent");
        }
        long requests = provider.requests();
        SendReport resumed = send(FAULTS, messages, SendOptions.resume());
        assertEquals(requests, provider.requests(), "a resume sent unknown messages again: " + resumed);
        assertEquals(states, ledger().counts(FAULTS), "a resume changed the ledger");
    }

    // ---- 4. kill and resume ----------------------------------------------------------------------------

    @Test
    @Order(8)
    void aSendKilledMidRunAndResumedReachesEachCustomerExactlyOnce() throws Exception {
        List<DeliveryRequest> messages = recipients(KILL, setup.messages() * 5);
        Files.write(KitSender.recipientsFile(home, KILL), messages.stream().map(DeliveryRequest::recipient).toList(), StandardCharsets.UTF_8);
        provider.latency(150);
        Path out = home.resolve("sender-" + KILL + ".log");
        long before = taken();
        Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"), "-Xss2m",
                KitSender.class.getName(), home.toString(), String.valueOf(KILL), setup.channelId(), "2")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long takenAtKill;
        // killed after a varying number of messages (the seed is printed), always mid-run
        long seed = System.nanoTime();
        int killAfter = 3 + new java.util.Random(seed).nextInt(messages.size() / 3);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (child.isAlive() && taken() - before < killAfter && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(child.isAlive(), "the sending JVM ended before it could be killed mid-run:\n" + read(out));
            assertTrue(taken() - before >= killAfter, "the sending JVM sent too little within 180 s:\n" + read(out));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, in-flight requests left as they are
            child.waitFor(30, TimeUnit.SECONDS);
            provider.latency(0);
        }
        takenAtKill = taken() - before;
        assertTrue(takenAtKill < messages.size(), "the kill came after the run had finished (" + takenAtKill + " taken)");
        System.out.printf("rekindle-plugin-test: the sending JVM was killed after the provider took %d of %d messages (seed %d)%n",
                takenAtKill, messages.size(), seed);

        resume(KILL, messages);
        // the answers the kill cut off are unknown: settle them as an operator would, from the provider's own record
        settleUnknowns(KILL, messages);
        resume(KILL, messages);

        Map<DeliveryState, Long> states = new LinkedHashMap<>(ledger().counts(KILL));
        states.values().removeIf(n -> n == 0);
        assertEquals(Map.of(DeliveryState.SENT, (long) messages.size()), states, "every customer's one row is sent");
        Map<String, Long> taken = provider.takenByKey();
        for (DeliveryRequest m : messages) {
            assertEquals(1L, taken.getOrDefault(m.key(), 0L), m.key() + " reached the customer this many times (killed after "
                    + takenAtKill + " of " + messages.size() + ", seed " + seed + ")");
        }
        assertEquals(messages.size(), host.bean(JdbcClient.class).sql("SELECT count(*) FROM deliveries WHERE campaign_id = ?")
                .param(KILL).query(Long.class).single().intValue(), "one ledger row per customer");
    }

    // ---- 5. nothing secret in the log or the ledger -----------------------------------------------------

    @Test
    @Order(9)
    void theLogAndTheLedgerKeepNoSecretAndNoFullMobileNumber() throws IOException {
        String log = Files.exists(host.log()) ? Files.readString(host.log(), StandardCharsets.UTF_8) : "";
        List<String> details = host.bean(JdbcClient.class).sql("SELECT coalesce(detail, '') || ' ' || coalesce(recipient, '') || ' ' "
                + "|| coalesce(provider_id, '') FROM deliveries").query(String.class).list();
        String ledger = String.join("\n", details);
        PluginExtensions.Found<Channel> found = found(host.bean(PluginExtensions.class));
        for (Setting s : found.declared()) {
            String value = settings.get(s.name());
            if ((s.secret() || PluginSettings.isSecret(s.name())) && value != null && value.length() >= 6) {
                assertFalse(log.contains(value), "the log contains the secret " + s.name());
                assertFalse(ledger.contains(value), "the ledger contains the secret " + s.name());
            }
        }
        List<String> mobiles = new ArrayList<>(recipientsSent);
        for (long c : List.of(SEND, FAULTS, KILL)) recipients(c, setup.messages() * 5).forEach(m -> mobiles.add(m.recipient()));
        for (String m : mobiles) {
            if (m != null && m.matches("1[3-9]\\d{9}")) {
                assertFalse(log.contains(m), "the log contains the full mobile number " + m);
                assertFalse(ledger.contains(m), "the ledger contains the full mobile number " + m);
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private PluginExtensions.Found<Channel> found(PluginExtensions extensions) {
        return extensions.channels().stream().filter(f -> f.id().equals(setup.channelId())).findFirst()
                .orElseThrow(() -> new AssertionError("no usable channel '" + setup.channelId() + "' in plugin " + pluginId + "; channels: "
                        + extensions.channels().stream().map(f -> f.id() + " (" + f.pluginId() + ")").toList() + "; problems: "
                        + host.bean(RekindlePluginManager.class).problems()));
    }

    private ContactKind contact() {
        return found(host.bean(PluginExtensions.class)).extension().traits().contact();
    }

    private List<DeliveryRequest> recipients(long campaign, int count) {
        return KitMessages.of(campaign, setup.channelId(), contact(), count, setup.recipients());
    }

    private DeliveryLedger ledger() {
        return host.bean(DeliveryLedger.class);
    }

    private long taken() {
        return provider.takenByKey().values().stream().mapToLong(Long::longValue).sum();
    }

    private SendReport send(long campaign, List<DeliveryRequest> messages, SendOptions options) {
        return host.bean(DeliveryEngine.class).send(campaign, messages.stream(), options.withConcurrency(2).withRate("unlimited"));
    }

    /** A resume right after the kill: the dead run's lease is taken over (its process is gone). */
    private void resume(long campaign, List<DeliveryRequest> messages) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                send(campaign, messages, SendOptions.resume());
                return;
            } catch (UserException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(500);
            }
        }
    }

    private void settleUnknowns(long campaign, List<DeliveryRequest> messages) {
        UnknownOutcomes unknowns = host.bean(UnknownOutcomes.class);
        if (found(host.bean(PluginExtensions.class)).extension().traits().canQueryStatus()) {
            unknowns.reconcile(campaign, messages.stream()); // the channel's own status query
        }
        Map<String, Long> taken = provider.takenByKey();
        List<String> arrived = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (DeliveryLedger.Row row : ledger().inState(campaign, DeliveryState.UNKNOWN)) {
            (taken.getOrDefault(row.key(), 0L) > 0 ? arrived : lost).add(row.key());
        }
        if (!arrived.isEmpty()) unknowns.decide(campaign, UnknownOutcomes.Decision.SENT, arrived);
        if (!lost.isEmpty()) unknowns.decide(campaign, UnknownOutcomes.Decision.RESEND, lost);
    }

    private void assertNoUnidentifiedRequests() {
        if (provider.unidentified() > 0) {
            fail(provider.unidentified() + " request(s) to the webhook fake carried no idempotency key: pass m.idempotencyKey() (an "
                    + "Idempotency-Key header or a field of the body), so that a provider can drop a repeated message");
        }
    }

    private static String pluginId(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            String id = f.getManifest() == null ? null : f.getManifest().getMainAttributes().getValue("Plugin-Id");
            if (id == null || id.isBlank()) throw new IllegalStateException(jar + " has no Plugin-Id in its manifest: is it a plugin jar?");
            return id.trim();
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
