package dev.rekindle.campaign;

import dev.rekindle.api.ContactKind;
import dev.rekindle.i18n.Tr;
import dev.rekindle.console.TextWidth;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.guard.SkipReason;
import dev.rekindle.shop.AsOf;
import dev.rekindle.console.Fields;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Progress;
import dev.rekindle.console.Table;
import dev.rekindle.console.UsageException;
import dev.rekindle.shop.ShopProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class CampaignCommands {

    private final CampaignPlanner planner;
    private final CampaignMessages messages;
    private final CampaignRepository campaigns;
    private final DryRun dryRun;
    private final ChannelKinds kinds;
    private final ShopProfile shop;
    private final Path dataDir;
    private final CampaignTemplates approved;
    private final dev.rekindle.strategy.DataNeeds dataNeeds;
    private final org.springframework.beans.factory.ObjectProvider<dev.rekindle.strategy.StrategyRegistry> strategies;

    CampaignCommands(CampaignPlanner planner, CampaignMessages messages, CampaignRepository campaigns, DryRun dryRun,
            ChannelKinds kinds, ShopProfile shop, dev.rekindle.store.StoreProperties store, CampaignTemplates approved,
            dev.rekindle.strategy.DataNeeds dataNeeds,
            org.springframework.beans.factory.ObjectProvider<dev.rekindle.strategy.StrategyRegistry> strategies) {
        this.approved = approved;
        this.dataNeeds = dataNeeds;
        this.strategies = strategies;
        this.planner = planner;
        this.messages = messages;
        this.campaigns = campaigns;
        this.dryRun = dryRun;
        this.kinds = kinds;
        this.shop = shop;
        this.dataDir = store.dataDir();
    }

    @Command(name = {"campaigns", "plan"}, group = Groups.CAMPAIGNS,
            description = "Plan a campaign from a strategy: who, which channel and offer, holdout, skipped and why",
            help = """
                    campaigns plan winback-silent
                    campaigns plan winback-sleeping --segment important_keep --holdout 20
                    campaigns plan birthday-care --channel sms --name "生日关怀 11月"
                    campaigns plan dormancy-reminder --as-of 2026-11-01
                    campaigns plan dormancy-reminder --again""")
    String plan(CommandContext ctx, @Argument(index = 0, description = "STRATEGY: strategy id (strategies list)") String strategy,
            @Option(longName = "segment", description = "only this RFM segment (e.g. important_keep) or stage (e.g. silent)") String segment,
            @Option(longName = "channel", description = "only this channel (sms, email, wechat, taobao-group…); default: the strategy's order") String channel,
            @Option(longName = "holdout", description = "percent of eligible customers kept as a control group (default rekindle.campaigns.holdout, 10)") Double holdout,
            @Option(longName = "as-of", description = "plan on the snapshot of this date (YYYY-MM-DD); default: the current snapshot") String asOf,
            @Option(longName = "name", description = "a name for the campaign; default: strategy and date") String name,
            @Option(longName = "again", description = "plan anew even if the same plan was made today (daily scripts reuse it)") boolean again) {
        PlanRequest req = new PlanRequest(strategy, blankToNull(segment), blankToNull(channel), holdout,
                asOf == null || asOf.isBlank() ? null : AsOf.parse(asOf, shop), name, again);
        PlanResult r = planner.plan(req, total -> Progress.start(ctx, Tr.f("Planning %s", strategy), total));
        Campaign c = r.campaign();
        if (!r.planned() && c.candidates() == 0) {
            // no empty campaign; say why (and which data the strategy lacks), exit 0: finding nobody is an answer
            StringBuilder sb = new StringBuilder(Tr.f("Nobody is eligible for %s today (looked at %,d customers%s): no campaign was created.",
                    strategy, r.looked(), r.occasion() == null ? "" : "; " + r.occasion())).append('\n');
            dataNeeds.nobodyEligible(strategies.getObject().require(strategy).strategy()).forEach(l -> sb.append(l).append('\n'));
            return sb.toString().stripTrailing();
        }
        if (!r.planned()) {
            StringBuilder sb = new StringBuilder(Tr.f("Nothing planned for %s on snapshot %d as of %s: nobody to contact, no campaign made.",
                    c.strategy(), c.snapshotId(), c.asOf())).append('\n');
            if (r.occasion() != null) line(sb, 10, Tr.t("occasion"), r.occasion());
            line(sb, 10, Tr.t("eligible"), Tr.f("%,d (of %,d customers the strategy looked at)", c.candidates(), r.looked()));
            if (c.skipped() > 0) {
                line(sb, 10, Tr.t("skipped"), String.format("%,d  %s", c.skipped(), join(r.skippedByReason(), true)));
            }
            if (r.skippedByReason().containsKey(SkipReason.ALREADY_CONTACTED.code())) {
                sb.append(Tr.f("Customers already planned or contacted for this occasion are never contacted twice; to plan them "
                        + "anew, cancel the earlier campaign first (campaigns list, campaigns cancel ID).")).append('\n');
            }
            return sb.toString().stripTrailing();
        }
        if (r.reused()) {
            // a daily script run again the same day: what to do next depends on how far the first run got
            String next = CampaignStatus.FINISHED.equals(c.status())
                    ? Tr.f("It is finished: every target has its outcome (campaigns status %d).", c.id())
                    : Tr.f("Send it with: campaigns send %d   (or plan anew with --again)", c.id());
            return Tr.f("""
                    Campaign %d (%s) was already planned today with these settings: using it, nothing new planned.
                      to send %,d · holdout %,d · skipped %,d""",
                    c.id(), c.name(), c.targets(), c.holdout(), c.skipped()) + "\n" + next;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Campaign %d planned: %s — %s %s, snapshot %d as of %s", c.id(), c.name(), c.strategy(),
                c.purpose(), c.snapshotId(), c.asOf())).append('\n');
        if (r.occasion() != null) line(sb, 10, Tr.t("occasion"), r.occasion());
        if (r.restriction() != null) line(sb, 10, Tr.t("segment"), r.restriction());
        line(sb, 10, Tr.t("eligible"), Tr.f("%,d (of %,d customers the strategy looked at)", c.candidates(), r.looked()));
        line(sb, 10, Tr.t("to send"), String.format("%,d  %s", c.targets(), join(r.targetsByChannel(), false)));
        line(sb, 10, Tr.t("holdout"), Tr.f("%,d  (%s%% control group, not contacted; recorded for measuring)",
                c.holdout(), trim(c.holdoutPct())));
        line(sb, 10, Tr.t("skipped"), String.format("%,d  %s", c.skipped(), join(r.skippedByReason(), true)));
        if (!r.offers().isEmpty() && !(r.offers().size() == 1 && r.offers().containsKey(""))) {
            line(sb, 10, Tr.t("offers"), join(r.offers(), false));
        }
        notInstalled(r.targetsByChannel().keySet(), sb);
        Map<String, String> hashes = approved.hashes(c.id());
        if (!hashes.isEmpty()) line(sb, 10, Tr.t("templates"), String.join(" · ", hashes.values()));
        List<PlannedMessage.Message> samples = samples(c.id(), 3);
        if (!samples.isEmpty()) {
            sb.append('\n').append(Tr.t("Sample messages:")).append('\n');
            samples.forEach(m -> sb.append(describe(m)));
        } else if (c.candidates() == 0) {
            sb.append('\n').append(r.occasion() == null
                    ? Tr.f("Nobody qualifies today. See strategies show %s for its settings.", c.strategy())
                    : Tr.f("Nobody qualifies today (%s). See strategies show %s for its settings.", r.occasion(), c.strategy()))
                    .append('\n');
        }
        sb.append('\n').append(Tr.f("Next: campaigns preview %d · campaigns dry-run %d", c.id(), c.id()));
        return sb.toString();
    }

    private void notInstalled(Iterable<String> channels, StringBuilder sb) {
        List<String> missing = new ArrayList<>();
        for (String ch : channels) {
            if (!ch.isEmpty() && !kinds.installed(ch)) missing.add(ch);
        }
        if (!missing.isEmpty()) {
            line(sb, 10, Tr.t("note"), Tr.f("no channel plugin installed for %s: a dry run works, sending needs it (channels list)",
                    String.join(", ", missing)));
        }
    }

    /** The first message of each channel, then the next ones, up to n: the operator sees every channel's wording. */
    private List<PlannedMessage.Message> samples(long id, int n) {
        List<PlannedMessage.Message> all = new ArrayList<>();
        messages.forEach(id, Long.MIN_VALUE, 200, m -> {
            if (m instanceof PlannedMessage.Message msg) all.add(msg);
        });
        Map<String, PlannedMessage.Message> firstPerChannel = new LinkedHashMap<>();
        all.forEach(m -> firstPerChannel.putIfAbsent(m.channel(), m));
        List<PlannedMessage.Message> picked = new ArrayList<>(firstPerChannel.values());
        for (PlannedMessage.Message m : all) {
            if (picked.size() >= n) break;
            if (!picked.contains(m)) picked.add(m);
        }
        return picked.subList(0, Math.min(n, picked.size()));
    }

    private static String describe(PlannedMessage.Message m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %s · %s · %s%s%n", m.buyerId(), m.channel(), m.maskedRecipient(),
                m.offer() == null ? "" : " · " + m.offer().code()));
        if (m.subject() != null) {
            sb.append("    ").append(Tr.t("Subject: ")).append(m.subject()).append('\n');
        }
        sb.append("    ").append(m.text().replace("\n", "\n    ")).append('\n');
        if (m.smsParts() > 0) {
            sb.append("    ").append(m.smsParts() == 1
                    ? Tr.f("(%d characters, %d SMS part)", m.text().length(), m.smsParts())
                    : Tr.f("(%d characters, %d SMS parts)", m.text().length(), m.smsParts())).append('\n');
        }
        return sb.toString();
    }

    @Command(name = {"campaigns", "list"}, group = Groups.CAMPAIGNS,
            description = "Campaigns, newest first: strategy, as-of date, targets, holdout, skipped, status (planned, sending, finished, cancelled)",
            help = """
                    campaigns list
                    campaigns list --format json""")
    String list(@Option(longName = "limit", description = "at most this many", defaultValue = "50") Integer limit,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        if (limit < 1) throw new UsageException(Tr.t("--limit must be at least 1"));
        Table t = new Table("id", "name", "strategy", "purpose", "as_of", "eligible", "targets", "holdout", "skipped", "status", "dry_run");
        for (Campaign c : campaigns.list(limit)) {
            t.row(c.id(), c.name(), c.strategy(), c.purpose().name(), c.asOf().toString(), c.candidates(), c.targets(),
                    c.holdout(), c.skipped(), c.status(), c.dryRunAt() == null ? "" : c.dryRunAt());
        }
        if (out == OutputFormat.TABLE && t.size() == 0) {
            return Tr.t("No campaigns yet. Plan one: campaigns plan STRATEGY (strategies list shows them)");
        }
        return t.render(out);
    }

    @Command(name = {"campaigns", "show"}, group = Groups.CAMPAIGNS,
            description = "One campaign: settings, snapshot, counts per channel, skip reason and offer",
            help = "campaigns show 3")
    String show(@Argument(index = 0, description = "ID: campaign id (campaigns list)") Long id) {
        Campaign c = messages.require(id);
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Campaign %d: %s", c.id(), c.name())).append('\n');
        line(sb, 9, Tr.t("strategy"), c.strategy() + " (" + c.purpose() + "), templates/" + c.template() + "/");
        line(sb, 9, Tr.t("planned"), Tr.f("%s on snapshot %d as of %s", c.createdAt(), c.snapshotId(), c.asOf()));
        line(sb, 9, Tr.t("status"), c.status() + (c.dryRunAt() == null ? "" : Tr.f("; dry run %s → %s", c.dryRunAt(), c.dryRunFile())));
        if (c.segment() != null) line(sb, 9, Tr.t("segment"), c.segment());
        line(sb, 9, Tr.t("channels"), c.channel() != null ? c.channel() + " (--channel)" : Tr.t("the strategy's preference order"));
        line(sb, 9, Tr.t("eligible"), String.format("%,d", c.candidates()));
        line(sb, 9, Tr.t("to send"), String.format("%,d  %s", c.targets(), join(campaigns.countBy(c.id(), "channel", "target"), false)));
        line(sb, 9, Tr.t("holdout"), Tr.f("%,d  (%s%%, seed %d)", c.holdout(), trim(c.holdoutPct()), c.holdoutSeed()));
        line(sb, 9, Tr.t("skipped"), String.format("%,d  %s", c.skipped(), join(campaigns.countBy(c.id(), "reason", "skipped"), true)));
        Map<String, Long> offers = campaigns.countBy(c.id(), "offer_code", "target");
        var titles = campaigns.offers(c.id());
        if (!titles.isEmpty()) {
            sb.append("  ").append(Tr.t("offers")).append('\n');
            offers.forEach((code, n) -> {
                var o = titles.get(code);
                String head = String.format("    %-14s %,8d  ", code.isEmpty() ? Tr.t("(none)") : code, n);
                List<String> text = TextWidth.wrap(o == null ? "" : o.title() + (o.detail().isEmpty() ? "" : " — " + o.detail()),
                        Table.SCREEN - TextWidth.of(head));
                sb.append(head).append(text.get(0)).append('\n');
                text.subList(1, text.size()).forEach(l -> sb.append(" ".repeat(TextWidth.of(head))).append(l).append('\n'));
            });
        }
        Map<String, String> hashes = approved.hashes(c.id());
        if (!hashes.isEmpty()) {
            line(sb, 9, Tr.t("templates"), String.join(" · ", hashes.values()));
            List<CampaignTemplates.Change> changes = approved.changes(c, kindsOf(c));
            changes.forEach(ch -> line(sb, 9, "", Tr.f("%s changed since it was approved (%s → %s): the approved text goes out; "
                    + "to use the new one: campaigns approve %d", ch.file(), ch.approved(), ch.now(), c.id())));
        }
        line(sb, 9, Tr.t("settings"), Fields.flatJson(c.settings()));
        if (c.facts() != null) line(sb, 9, Tr.t("facts"), Fields.flatJson(c.facts()));
        return sb.toString().stripTrailing();
    }

    @Command(name = {"campaigns", "approve"}, group = Groups.CAMPAIGNS,
            description = "Approve the current template files for a planned campaign: from now on its messages use them",
            help = """
                    campaigns approve 3""")
    String approve(@Argument(index = 0, description = "ID: campaign id (campaigns list)") Long id) {
        Campaign c = messages.require(id);
        if (!CampaignStatus.open(c.status())) {
            throw new dev.rekindle.console.UserException(Tr.f("campaign %d is %s: nothing of it will go out any more", c.id(), c.status()));
        }
        Map<String, ContactKind> kinds = kindsOf(c);
        List<CampaignTemplates.Change> changes = approved.changes(c, kinds);
        planner.checkTemplates(c.strategy(), c.template(), kinds);
        approved.pin(c.id(), c.template(), kinds, dev.rekindle.delivery.DeliveryLedger.time(shop.now()));
        StringBuilder sb = new StringBuilder(changes.isEmpty()
                ? Tr.f("Campaign %d: its templates are unchanged; approved again.", c.id())
                : Tr.f("Campaign %d now uses the current templates:", c.id())).append('\n');
        changes.forEach(ch -> line(sb, 10, ch.channel(), ch.file() + " " + ch.approved() + " → " + ch.now()));
        sb.append(Tr.f("Read them before sending: campaigns preview %d", c.id()));
        return sb.toString();
    }

    /** The contact kind of each channel the campaign routes to. */
    private Map<String, ContactKind> kindsOf(Campaign c) {
        Map<String, ContactKind> m = new LinkedHashMap<>();
        for (String ch : campaigns.countBy(c.id(), "channel", "target").keySet()) {
            if (!ch.isEmpty()) kinds.kindOf(ch).ifPresent(k -> m.put(ch, k));
        }
        approved.pinned(c.id()).keySet().forEach(ch -> kinds.kindOf(ch).ifPresent(k -> m.putIfAbsent(ch, k)));
        return m;
    }

    @Command(name = {"campaigns", "preview"}, group = Groups.CAMPAIGNS,
            description = "The first messages of a campaign exactly as they would go out (contacts masked)",
            help = """
                    campaigns preview 3
                    campaigns preview 3 --limit 20""")
    String preview(@Argument(index = 0, description = "ID: campaign id") Long id,
            @Option(longName = "limit", description = "how many messages", defaultValue = "5") Integer limit) {
        if (limit < 1) throw new UsageException(Tr.t("--limit must be at least 1"));
        Campaign c = messages.require(id);
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Campaign %d (%s), first %d of %,d messages:", c.id(), c.name(), Math.min(limit, c.targets()), c.targets())).append('\n');
        messages.forEach(id, Long.MIN_VALUE, limit, p -> {
            if (p instanceof PlannedMessage.Message m) {
                sb.append(describe(m));
            } else if (p instanceof PlannedMessage.Skip s) {
                sb.append("  ").append(Tr.f("%s · %s · skipped now: %s", s.buyerId(), s.channel(), s.reason().label())).append('\n');
            }
        });
        return sb.toString().stripTrailing();
    }

    @Command(name = {"campaigns", "dry-run"}, group = Groups.CAMPAIGNS,
            description = "Render every message into an outbox file (JSON lines, or CSV); touches no channel",
            help = """
                    campaigns dry-run 3
                    campaigns dry-run 3 --out outbox/winback.csv""")
    String dryRun(CommandContext ctx, @Argument(index = 0, description = "ID: campaign id") Long id,
            @Option(longName = "out", description = "outbox file (.jsonl or .csv); default data/outbox/campaign-ID-dry-run.jsonl") String out) {
        Campaign c = messages.require(id);
        Path file = out == null || out.isBlank() ? dataDir.resolve("outbox").resolve("campaign-" + id + "-dry-run.jsonl") : Path.of(out.strip());
        DryRun.Summary s = dryRun.run(c, file, total -> Progress.start(ctx, Tr.f("Rendering campaign %d", id), total));
        StringBuilder sb = new StringBuilder();
        sb.append(Tr.f("Dry run of campaign %d: %,d messages written to %s in %.1f s (%,.0f messages/s). Nothing was sent.",
                c.id(), s.messages(), file.toAbsolutePath().normalize(), s.seconds(), s.messages() / Math.max(s.seconds(), 1e-3)))
                .append('\n');
        line(sb, 12, Tr.t("by channel"), join(s.byChannel(), false));
        if (s.smsParts() > 0) {
            line(sb, 12, "sms", Tr.f("%,d SMS parts in all", s.smsParts()));
        }
        if (!s.skipped().isEmpty()) {
            line(sb, 12, Tr.t("skipped now"), Tr.f("%s (changed since planning: the guard re-checks before rendering)",
                    join(s.skipped(), true)));
        }
        return sb.toString().stripTrailing();
    }

    /** "  label     value": the label padded by display width (a Chinese label takes two columns a character). */
    /** One labelled line, wrapped to fit the screen (campaigns show stays within 120 columns). */
    private static void line(StringBuilder sb, int width, String label, String value) {
        Fields.line(sb, width, label, value);
    }

    private static String join(Map<String, Long> counts, boolean reasons) {
        if (counts.isEmpty()) return "";
        return counts.entrySet().stream().map(e -> (reasons ? SkipReason.labelOf(e.getKey()) : e.getKey().isEmpty() ? Tr.t("(none)") : e.getKey())
                + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(" · "));
    }

    private static String trim(double pct) {
        return pct == Math.rint(pct) ? String.valueOf((long) pct) : String.valueOf(pct);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
