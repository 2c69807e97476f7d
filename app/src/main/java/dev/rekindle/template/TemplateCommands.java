package dev.rekindle.template;

import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.api.ContactKind;
import dev.rekindle.api.Purpose;
import dev.rekindle.api.Strategy;
import dev.rekindle.customer.Customer;
import dev.rekindle.customer.CustomerRepository;
import dev.rekindle.guard.ChannelKinds;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.strategy.Candidate;
import dev.rekindle.strategy.CustomerViewReader;
import dev.rekindle.strategy.Snapshot;
import java.io.PrintWriter;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class TemplateCommands {

    private final TemplateTrials trials;
    private final TemplateEngine engine;
    private final ChannelKinds kinds;
    private final CustomerRepository customers;
    private final CustomerViewReader reader;

    TemplateCommands(TemplateTrials trials, TemplateEngine engine, ChannelKinds kinds, CustomerRepository customers,
            CustomerViewReader reader) {
        this.trials = trials;
        this.engine = engine;
        this.kinds = kinds;
        this.customers = customers;
        this.reader = reader;
    }

    @Command(name = {"templates", "list"}, group = Groups.TEMPLATES,
            description = "Message templates: one folder per strategy, one file per channel (and locale)",
            help = """
                    templates list
                    templates list --format csv""")
    String list(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        Table t = new Table("template", "channel", "locale", "strategy", "purpose", "source");
        for (TemplateCatalog.TemplateFile f : trials.catalog().list()) {
            Optional<Strategy> owner = trials.owner(f.folder());
            t.row(f.name(), f.channel(), f.locale().isEmpty() ? "default" : f.locale(),
                    owner.map(Strategy::id).orElse("—"), owner.map(s -> s.purpose().name()).orElse(""),
                    f.plugin() == null ? "templates" : "plugin:" + f.plugin());
        }
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        return t.size() == 0 ? Tr.f("No templates in %s (rekindle.templates.dir).", engine.settings().dir())
                : Tr.f("Folder: %s", engine.settings().dir()) + "\n" + t.render(out)
                        + "\n\n" + Tr.t("Check them: templates validate · see one: templates preview NAME --customer ID");
    }

    @Command(name = {"templates", "validate"}, group = Groups.TEMPLATES,
            description = "Render templates for real customers and check channel rules (length, signature, opt-out…)",
            help = """
                    templates validate
                    templates validate winback-silent
                    templates validate winback-silent/sms""")
    String validate(CommandContext ctx,
            @Argument(index = 0, description = "NAME: a folder (strategy) or folder/channel; all when left out", defaultValue = "all") String name) {
        List<TemplateCatalog.TemplateFile> files = select(name);
        List<TemplateTrials.Report> reports = trials.validate(files);
        PrintWriter w = ctx.outputWriter();
        int errors = 0;
        int warnings = 0;
        for (TemplateTrials.Report r : reports) {
            String status = r.hasErrors() ? Tr.t("ERROR") : r.hasWarnings() ? Tr.t("WARN") : Tr.t("OK");
            errors += r.hasErrors() ? 1 : 0;
            warnings += !r.hasErrors() && r.hasWarnings() ? 1 : 0;
            // a long summary or finding wraps under its text, not under the status column
            w.println(TextWidth.hanging(String.format("%s  templates/%s  %s", TextWidth.pad(status, 5), r.file().name(), summary(r)).stripTrailing(),
                    Table.SCREEN));
            if (r.problem() != null) {
                w.println(TextWidth.hanging("       " + r.problem().getMessage(), Table.SCREEN));
            }
            Map<String, String> distinct = new LinkedHashMap<>();
            for (TemplateTrials.Trial t : r.trials()) {
                for (Finding f : t.findings()) {
                    distinct.putIfAbsent(f.level() + ": " + f.message().replaceAll("\\d+", "N"),
                            Tr.f("%s: %s", level(f), f.message()) + Tr.f(" (e.g. customer %s)", t.customer().buyerId()));
                }
            }
            distinct.values().forEach(m -> w.println(TextWidth.hanging("       " + m, Table.SCREEN)));
        }
        w.flush();
        String total = Tr.f("%d template(s): %d ok, %d with warnings, %d with errors",
                reports.size(), reports.size() - errors - warnings, warnings, errors);
        if (errors > 0) {
            throw new UserException(total + Tr.t(". Fix the errors above; campaigns refuse broken templates."));
        }
        return total + (trials.snapshot().isEmpty() ? Tr.t(" (no segmentation snapshot: stage and RFM fields were empty)") : "");
    }

    private static String summary(TemplateTrials.Report r) {
        if (r.trials().isEmpty()) {
            return "";
        }
        String who = Tr.f("%d customers, ", r.trials().size()) + (r.strategy() == null ? Tr.t("no strategy uses it (checked as MARKETING)")
                : r.strategy() + " " + r.purpose());
        IntSummaryStatistics chars = r.trials().stream().mapToInt(t -> SmsLength.chars(t.message().text())).summaryStatistics();
        String kind = r.file().channel();
        if (kind.equals("sms")) {
            int parts = r.trials().stream().mapToInt(t -> SmsLength.parts(t.message().text())).max().orElse(0);
            return Tr.f("%s; %s", who, Tr.f("%d–%d chars, up to %d SMS part(s)", chars.getMin(), chars.getMax(), parts));
        }
        if (kind.equals("wechat")) {
            int bytes = r.trials().stream().mapToInt(t -> t.message().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                    .max().orElse(0);
            return Tr.f("%s; %s", who, Tr.f("up to %d bytes", bytes));
        }
        return Tr.f("%s; %s", who, Tr.f("%d–%d chars", chars.getMin(), chars.getMax()));
    }

    private List<TemplateCatalog.TemplateFile> select(String name) {
        List<TemplateCatalog.TemplateFile> all = trials.catalog().list();
        if (name == null || name.isBlank() || name.equals("all")) {
            if (all.isEmpty()) {
                throw new UserException(Tr.f("no templates in %s (rekindle.templates.dir)", engine.settings().dir()));
            }
            return all;
        }
        String n = name.strip().replaceFirst("^templates/", "").replaceFirst("\\.ftl$", "");
        List<TemplateCatalog.TemplateFile> found = all.stream().filter(f -> n.contains("/")
                ? (f.folder() + "/" + f.channel() + (f.locale().isEmpty() ? "" : "_" + f.locale())).equals(n)
                : f.folder().equals(n)).toList();
        if (found.isEmpty()) {
            throw new UserException(Tr.f("no template '%s'. See templates list (names are FOLDER or FOLDER/CHANNEL)", name));
        }
        return found;
    }

    @Command(name = {"templates", "preview"}, group = Groups.TEMPLATES,
            description = "The exact message a template gives for one customer (contacts masked)",
            help = """
                    templates preview winback-silent --customer tb2848578
                    templates preview winback-silent/email --customer tb2848578
                    templates preview birthday-care --customer 42 --channel wechat""")
    String preview(@Argument(index = 0, description = "NAME: folder (strategy) or folder/channel") String name,
            @Option(longName = "customer", description = "buyer id (or internal id)", required = true) String customer,
            @Option(longName = "channel", description = "sms, email, wechat, taobao-group… (default: the strategy's first reachable)") String channel) {
        String n = name.strip().replaceFirst("^templates/", "").replaceFirst("\\.ftl$", "");
        String folder = n.contains("/") ? n.substring(0, n.indexOf('/')) : n;
        String fromName = n.contains("/") ? n.substring(n.indexOf('/') + 1) : null;
        if (channel != null && fromName != null && !channel.equals(fromName)) {
            throw new UsageException(Tr.f("NAME says channel '%s' but --channel says '%s'", fromName, channel));
        }
        if (!trials.catalog().folders().contains(folder)) {
            throw new UserException(Tr.f("no template folder '%s'. See templates list", folder));
        }
        Customer c = customers.findByBuyerId(customer.strip()).orElseThrow(() -> new UserException(
                Tr.f("no customer with buyer id '%s'. Find one with: customers find --name NAME", customer)));
        Optional<Snapshot> snapshot = trials.snapshot();
        Candidate cand = reader.one(snapshot.orElse(null), c.id(), 5).orElseThrow(() -> new UserException(
                Tr.f("customer %s was erased; there is nobody to write to", c.buyerId())));
        Optional<Strategy> owner = trials.owner(folder);
        Purpose purpose = owner.map(Strategy::purpose).orElse(Purpose.MARKETING);
        String ch = channel != null ? channel : fromName != null ? fromName : firstReachable(owner, cand);
        ContactKind kind = kinds.require(ch);
        PreparedTemplate template = engine.prepare(folder, ch, kind);
        java.time.LocalDate asOf = snapshot.map(Snapshot::asOf).orElse(java.time.LocalDate.now());
        TemplateTrials.Trial t = trials.render(owner.orElse(null), template, purpose, cand, asOf);
        StringBuilder sb = new StringBuilder();
        String to = MaskedAddress.of(kind, cand.recipient().address(kind));
        sb.append(Tr.f("templates/%s for %s via %s to %s", template.name(), c.buyerId(), ch,
                to.isEmpty() ? Tr.f("(no %s on file: would be skipped)", kind.id()) : to)).append('\n');
        sb.append(owner.map(s -> s.id() + " " + s.purpose()).orElse(Tr.t("no strategy uses this folder")))
                .append(" · ").append(Vocabulary.name(cand.view().stage()))
                .append(cand.view().segment() == null ? "" : " · " + Vocabulary.name(cand.view().segment()))
                .append(t.decision().offer() == null ? "" : " · " + Tr.f("offer %s %s", t.decision().offer().code(), t.decision().offer().title()))
                .append('\n');
        String rule = "─".repeat(40);
        if (t.message().subject() != null) {
            sb.append(Tr.t("Subject: ")).append(t.message().subject()).append('\n');
        }
        sb.append(rule).append('\n').append(t.message().text()).append('\n').append(rule).append('\n');
        if (t.message().html() != null) {
            sb.append(Tr.t("HTML part:")).append('\n').append(t.message().html()).append('\n').append(rule).append('\n');
        }
        if (kind == ContactKind.MOBILE) {
            sb.append(Tr.f("%d characters, %d SMS part(s)", SmsLength.chars(t.message().text()), SmsLength.parts(t.message().text())));
        } else {
            sb.append(Tr.f("%d characters, %d bytes", SmsLength.chars(t.message().text()),
                    t.message().text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        }
        sb.append(t.findings().isEmpty() ? " · " + Tr.f("passes the %s rules", ch) : "");
        for (Finding f : t.findings()) {
            sb.append("\n").append(Tr.f("%s: %s", level(f), f.message()));
        }
        return sb.toString();
    }

    /** "error" or "warning", in the interface language. */
    private static String level(Finding f) {
        return f.isError() ? Tr.t("error") : Tr.t("warning");
    }

    private String firstReachable(Optional<Strategy> owner, Candidate c) {
        List<String> prefs = owner.map(Strategy::channels).orElse(List.of("sms"));
        for (String p : prefs) {
            Optional<ContactKind> k = kinds.kindOf(p);
            if (k.isPresent() && c.recipient().address(k.get()) != null) {
                return p;
            }
        }
        return prefs.get(0);
    }
}
