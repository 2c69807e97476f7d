package dev.rekindle.dist.replay;

import dev.rekindle.fakes.AliyunSmsFake;
import dev.rekindle.fakes.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Replays weeks of the daily batch on the demo shop, as cron would run it, with the shop clock moved a day at
 * a time (issue #15): every morning new orders and SMS opt-outs arrive, the daily script runs at 09:30 as one
 * child JVM, on some days it runs a second time in the afternoon, on one day a send is killed with SIGKILL
 * mid-way and the script is run again after more opt-outs came in, and the SMS channel talks to the loopback
 * Aliyun fake, which fails 5 % of the sends (HTTP 500, throttling, or taken and then the connection dropped).
 * After the last day the unfinished campaigns are reconciled and resumed, and {@link ReplayAudit} computes the
 * five figures. Used by {@code DailyReplayIT} (21 days, in {@code mvn verify}) and by {@code bench/soak.sh}
 * (60 days) through {@link #main}, so that the two cannot drift apart.
 */
public final class CampaignReplay {

    /**
     * @param requireClock stop after the first start when the app ignores {@code rekindle.clock.now} (a replay on
     *                     the real date proves nothing); off only to try the harness itself on an older app
     */
    public record Settings(int days, LocalDate firstDay, long seed, double faultRate, Path dist, Path work, boolean requireClock) {

        public static Settings of(int days, Path dist, Path work) {
            return new Settings(days, LocalDate.parse("2027-01-05"), 15, 0.05, dist, work, true);
        }

        public Settings withSeed(long s) {
            return new Settings(days, firstDay, s, faultRate, dist, work, requireClock);
        }

        public Settings withRequireClock(boolean r) {
            return new Settings(days, firstDay, seed, faultRate, dist, work, r);
        }

        /** Day 4, and every three weeks after it: a send is killed with SIGKILL. */
        boolean killDay(int day) {
            return day % 21 == 4;
        }

        /** Day 2, and every week after it: the script is run a second time in the afternoon. */
        boolean rerunDay(int day) {
            return day % 7 == 2;
        }
    }

    /** Everything the replay did and found; {@link #ok()} when the five figures are zeros and nothing else is wrong. */
    public record Result(Settings settings, Figures figures, List<String> problems, List<String> details, List<String> days,
            Map<Integer, Integer> exitCodes, int kills, List<String> lateOptOuts, long messagesTaken,
            Map<String, Object> providerStats, Map<String, Long> ledgerStates, long wallMillis) {

        public boolean ok() {
            return figures != null && figures.allZero() && problems.isEmpty();
        }

        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append("replay seed ").append(settings.seed()).append(", ").append(settings.days()).append(" days from ")
                    .append(settings.firstDay()).append(" in ").append(wallMillis / 1000).append(" s: runs by exit code ")
                    .append(exitCodes).append(", kills ").append(kills).append(", late opt-outs ").append(lateOptOuts.size())
                    .append(", messages the provider took ").append(messagesTaken).append(", ledger ").append(ledgerStates)
                    .append(", provider ").append(providerStats).append('\n');
            problems.forEach(p -> sb.append("PROBLEM ").append(p).append('\n'));
            details.forEach(d -> sb.append("  ").append(d).append('\n'));
            sb.append(figures == null ? "REPLAY " + settings.days() + " days: stopped before the figures (see the problems)" : figures.line(settings.days()));
            return sb.toString();
        }
    }

    private static final LocalTime MORNING = LocalTime.of(9, 30);
    private static final LocalTime AFTER_KILL = LocalTime.of(11, 0);
    private static final LocalTime AFTERNOON = LocalTime.of(15, 0);
    private static final String RECONCILE_ALL = "campaigns reconcile --all-unfinished";
    private static final String RESUME_ALL = "campaigns resume --all-unfinished";
    private static final String UNFINISHED = "SELECT id FROM campaigns WHERE status NOT IN ('finished', 'cancelled', 'sent') ORDER BY id";

    private final Settings settings;
    private final List<String> problems = new ArrayList<>();
    private final List<String> dayLog = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, Integer> exitCodes = new TreeMap<>();
    private final List<String> lateOptOuts = new ArrayList<>();
    private final Map<Integer, Set<Long>> unfinishedAfterDay = new TreeMap<>();
    private final Random random;
    private int kills;
    private AppRunner app;
    private ShopDb db;
    private ShopFeed feed;
    private String dailyScript;
    private boolean reconcileAll;
    private boolean resumeAll;

    public CampaignReplay(Settings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    public Result run() throws Exception {
        long started = System.nanoTime();
        Path home = Files.createDirectories(settings.work());
        dailyScript = resource("/replay/daily.rk");
        try (AliyunSmsFake fake = new AliyunSmsFake(0).latency(5).start()) {
            fake.faults().randomMix(settings.faultRate(), settings.seed(), Fault.HTTP_500, Fault.THROTTLING, Fault.DROP_AFTER_RECEIPT);
            app = new AppRunner(settings.dist(), home, fake.baseUrl());
            app.prepare();
            db = new ShopDb(home.resolve("data/rekindle.db"));
            feed = new ShopFeed(db, home, settings.seed());

            LocalDate first = setUp();
            if (first == null) return result(null, fake, started);
            for (int day = 1; day <= settings.days(); day++) {
                replayDay(day, first.plusDays(day - 1), fake);
            }
            closeOut(first.plusDays(settings.days() - 1));
            checkLeftWork();
            ReplayAudit.Report audit = new ReplayAudit(db, fake.messages(), settings.days()).run();
            problems.addAll(audit.problems());
            notes.addAll(audit.details());
            return result(audit, fake, started);
        }
    }

    /** The first start creates the demo shop as of the first day; it also tells which contract commands exist. */
    private LocalDate setUp() throws Exception {
        Path setup = Files.writeString(app.home().resolve("setup.rk"), "status\nhelp campaigns resume\nhelp campaigns reconcile\n");
        AppRunner.Run r = app.run("setup", settings.firstDay().atTime(9, 0), List.of(), "@" + setup);
        if (r.exit() != 0) throw new IllegalStateException("the first start failed (exit " + r.exit() + "):\n" + r.tail());
        int split = r.out().indexOf("campaigns reconcile —");
        resumeAll = split > 0 && r.out().substring(0, split).contains("--all-unfinished");
        reconcileAll = split > 0 && r.out().substring(split).contains("--all-unfinished");
        if (!resumeAll) problems.add("contract: 'campaigns resume --all-unfinished' does not exist yet; the harness resumes each unfinished campaign by id");
        if (!reconcileAll) notes.add("'campaigns reconcile --all-unfinished' does not exist; the harness reconciles each unfinished campaign by id");
        String anchor = db.strings("SELECT value FROM settings WHERE key = 'demo.anchor'").stream().findFirst().orElse("?");
        if (!anchor.equals(settings.firstDay().toString())) {
            problems.add("contract: the app ignores -Drekindle.clock.now=" + settings.firstDay() + "T09:00 (the demo shop was created as of "
                    + anchor + "): days cannot be replayed");
            if (settings.requireClock()) return null;
            return LocalDate.parse(anchor);
        }
        return settings.firstDay();
    }

    private void replayDay(int day, LocalDate date, AliyunSmsFake fake) throws Exception {
        long t0 = System.nanoTime();
        long takenBefore = fake.received();
        ShopFeed.Day in = feed.writeDay(date);
        List<String> runs = new ArrayList<>();
        if (settings.killDay(day)) {
            runs.add(killedRun(day, date, fake));
            List<String> late = feed.appendLateOptOuts(date.atTime(10, 0), 3);
            lateOptOuts.addAll(late);
            runs.add("late opt-outs " + late.size());
            runs.add(script(day, date.atTime(AFTER_KILL), "after-kill"));
        } else {
            runs.add(script(day, date.atTime(MORNING), "daily"));
        }
        if (settings.rerunDay(day)) runs.add(script(day, date.atTime(AFTERNOON), "again"));
        Set<Long> open = new TreeSet<>(longs(db.strings(UNFINISHED)));
        unfinishedAfterDay.put(day, open);
        String line = String.format("day %2d %s: %d orders (%d new buyers), opt-outs %d of today's targets + %d late + %d other; %s; provider took %d;"
                + " unfinished after the day %s (%.1f s)", day, date, in.orders(), in.newBuyers(), in.optOutsOfTodaysTargets(), in.lateOptOuts(),
                in.otherOptOuts(), String.join(", ", runs), fake.received() - takenBefore, open, (System.nanoTime() - t0) / 1e9);
        dayLog.add(line);
        System.out.println(line);
    }

    /** Runs the daily script once; exit 0 must leave nothing to do, exit 3 something; 1 and 2 are failures. */
    private String script(int day, LocalDateTime at, String label) throws Exception {
        Path file = Files.writeString(app.home().resolve("daily-today.rk"), expand(dailyScript));
        AppRunner.Run r = app.run("day" + day + "-" + label, at, List.of(), "@" + file);
        exitCodes.merge(r.exit(), 1, Integer::sum);
        List<Long> open = longs(db.strings(UNFINISHED));
        String where = "day " + day + " " + at.toLocalTime() + " (" + label + ")";
        switch (r.exit()) {
            case 0 -> {
                if (!open.isEmpty()) problems.add("contract: " + where + " exited 0 but campaigns " + open + " still have work left (exit 3 expected)");
            }
            case 3 -> {
                if (open.isEmpty()) problems.add(where + " exited 3 but no campaign is left unfinished");
            }
            default -> problems.add(where + " exited " + r.exit() + " (" + r.log() + "):\n" + r.tail());
        }
        return String.format("%s exit %d in %.1f s", label, r.exit(), r.millis() / 1000.0);
    }

    /** The day's script with its send slowed down, killed with SIGKILL once the provider has taken a few messages. */
    private String killedRun(int day, LocalDate date, AliyunSmsFake fake) throws Exception {
        Path file = Files.writeString(app.home().resolve("daily-today.rk"), expand(dailyScript));
        long before = fake.received();
        AppRunner.Child c = app.start("day" + day + "-killed", date.atTime(MORNING), List.of("-Drekindle.delivery.rate.sms=5/s"), "@" + file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (c.process().isAlive() && fake.received() < before + 3 && System.nanoTime() < deadline) Thread.sleep(20);
        if (!c.process().isAlive()) {
            AppRunner.Run r = app.finish(c);
            problems.add("day " + day + ": the send to be killed ended first (exit " + r.exit() + ", provider took "
                    + (fake.received() - before) + "):\n" + r.tail());
            return "not killed";
        }
        Thread.sleep(random.nextInt(600));
        c.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally, rows left in 'sending'
        if (!c.process().waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the killed app did not die");
        kills++;
        long open = db.count("""
                SELECT count(*) FROM campaign_members m JOIN campaigns g ON g.id = m.campaign_id WHERE m.status = 'target'
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.campaign_id = m.campaign_id AND d.customer_id = m.customer_id
                                  AND d.state IN %s)""".formatted(ReplayAudit.FINAL));
        if (open == 0) problems.add("day " + day + ": the kill left no message to go: it did not hit a send mid-way");
        return "killed after the provider took " + (fake.received() - before) + " (targets without a final row: " + open + ")";
    }

    /** After the last day: settle the unknowns and send what is left, as the next morning's run would. */
    private void closeOut(LocalDate last) throws Exception {
        for (int round = 0; round < 4; round++) {
            List<Long> open = longs(db.strings(UNFINISHED));
            if (open.isEmpty()) return;
            StringBuilder s = new StringBuilder();
            if (reconcileAll) s.append(RECONCILE_ALL).append('\n');
            else open.forEach(id -> s.append("campaigns reconcile ").append(id).append('\n'));
            if (resumeAll) s.append(RESUME_ALL).append('\n');
            else open.forEach(id -> s.append("campaigns resume ").append(id).append('\n'));
            Path file = Files.writeString(app.home().resolve("close-out.rk"), s);
            AppRunner.Run r = app.run("close-out-" + round, last.atTime(16 + round, 0), List.of(), "@" + file);
            String line = "close-out " + (round + 1) + ": campaigns " + open + ", exit " + r.exit();
            dayLog.add(line);
            System.out.println(line);
            if (r.exit() != 0 && r.exit() != 3) problems.add("close-out exited " + r.exit() + " (" + r.log() + "):\n" + r.tail());
        }
    }

    /** Work a day left must be finished by the runs of the next two days (a day's resume can meet a fault too). */
    private void checkLeftWork() {
        unfinishedAfterDay.forEach((day, open) -> {
            Set<Long> later = unfinishedAfterDay.get(day + 2);
            if (later == null) return;
            Set<Long> still = new TreeSet<>(open);
            still.retainAll(later);
            if (!still.isEmpty()) problems.add("campaigns " + still + " left unfinished on day " + day + " were still unfinished two days later");
        });
    }

    /** The daily script as cron would run it; contract commands the app lacks are done per campaign id. */
    private String expand(String script) throws SQLException {
        List<Long> open = longs(db.strings(UNFINISHED));
        StringBuilder out = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.trim().equals(RECONCILE_ALL) && !reconcileAll) {
                open.forEach(id -> out.append("campaigns reconcile ").append(id).append('\n'));
            } else if (line.trim().equals(RESUME_ALL) && !resumeAll) {
                open.forEach(id -> out.append("campaigns resume ").append(id).append('\n'));
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private Result result(ReplayAudit.Report audit, AliyunSmsFake fake, long started) {
        Map<String, Object> stats = new LinkedHashMap<>(fake.stats());
        stats.remove("takenPerSecond");
        return new Result(settings, audit == null ? null : audit.figures(), List.copyOf(problems), List.copyOf(notes), List.copyOf(dayLog),
                Map.copyOf(exitCodes), kills, List.copyOf(lateOptOuts), fake.received(), stats,
                audit == null ? Map.of() : audit.states(), (System.nanoTime() - started) / 1_000_000);
    }

    private static List<Long> longs(List<String> ids) {
        return ids.stream().map(Long::parseLong).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CampaignReplay.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * {@code java -cp … dev.rekindle.dist.replay.CampaignReplay --days 60 [--seed 15] [--dist dist/target/rekindle]
     * [--work DIR] [--allow-real-clock]}: prints a line per day, then the summary ending with the five figures; exit 0 when they are
     * zeros and nothing else went wrong, 1 otherwise.
     */
    public static void main(String[] args) throws Exception {
        int days = 60;
        long seed = 15;
        Path dist = Path.of("dist/target/rekindle");
        Path work = null;
        boolean requireClock = true;
        for (int k = 0; k < args.length; k += 2) {
            if (args[k].equals("--allow-real-clock")) {
                requireClock = false; // only to try the harness on an app without rekindle.clock.now
                k--;
                continue;
            }
            if (k + 1 >= args.length) throw new IllegalArgumentException(args[k] + " needs a value");
            switch (args[k]) {
                case "--days" -> days = Integer.parseInt(args[k + 1]);
                case "--seed" -> seed = Long.parseLong(args[k + 1]);
                case "--dist" -> dist = Path.of(args[k + 1]);
                case "--work" -> work = Path.of(args[k + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[k] + " (--days, --seed, --dist, --work)");
            }
        }
        if (work == null) work = Files.createTempDirectory("rekindle-soak-");
        System.out.println("replay work folder " + work.toAbsolutePath() + " (logs of every run in logs/)");
        Result r;
        try {
            r = new CampaignReplay(Settings.of(days, dist.toAbsolutePath(), work.toAbsolutePath()).withSeed(seed)
                    .withRequireClock(requireClock)).run();
        } catch (UncheckedIOException | IllegalStateException e) {
            System.out.println("replay stopped: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(r.summary());
        System.exit(r.ok() ? 0 : 1);
    }
}
