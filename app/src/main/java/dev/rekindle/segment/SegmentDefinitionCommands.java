package dev.rekindle.segment;

import dev.rekindle.customer.Masks;
import dev.rekindle.filter.FilterCompiler;
import dev.rekindle.filter.FilterField;
import dev.rekindle.filter.FilterFields;
import dev.rekindle.i18n.Tr;
import dev.rekindle.i18n.Vocabulary;
import dev.rekindle.console.Groups;
import dev.rekindle.console.OutputFormat;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.console.UsageException;
import dev.rekindle.console.UserException;
import dev.rekindle.shop.ShopProfile;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

@Component
class SegmentDefinitionCommands {

    /** The syntax summary under 'segments fields', in the interface language. */
    static String language() {
        return Tr.t("""
                Filter language: comparisons joined with and / or / not and parentheses.
                  field = value, !=, <, <=, >, >=    r >= 4, city = 上海, last_order_date < 2024-06-01
                  field in (v1, v2, …), not in       segment in (important_keep, important_retain)
                  field between LOW and HIGH         recency_days between 80 and 89
                  field is null, is not null         city is null
                  true/false fields stand alone      has_mobile and not has_email, bought(母婴用品)
                Words need no quotes; text with spaces or commas does: city = "Hong Kong".
                A customer with no value for a field (no city, never bought) never matches =, <, in …,
                and always matches !=, not in and not (…).""");
    }

    private final SegmentDefinitions definitions;
    private final CustomerSegments segments;
    private final FilterCompiler compiler;
    private final FilterFields fields;
    private final Snapshots snapshots;
    private final ShopProfile shop;
    private final JdbcClient jdbc;

    SegmentDefinitionCommands(SegmentDefinitions definitions, CustomerSegments segments, FilterCompiler compiler,
            FilterFields fields, Snapshots snapshots, ShopProfile shop, JdbcClient jdbc) {
        this.definitions = definitions;
        this.segments = segments;
        this.compiler = compiler;
        this.fields = fields;
        this.snapshots = snapshots;
        this.shop = shop;
        this.jdbc = jdbc;
    }

    @Command(name = {"segments", "define"}, group = Groups.ANALYSIS,
            description = "Save a segment of your own as a filter expression (see 'segments fields')",
            help = """
                    segments define vip_sleepers --where "stage in (sleeping, lost) and m >= 4"
                    segments define baby_again --where "bought(母婴用品) and recency_days between 25 and 35 and consent(sms) = granted"
                    segments define may_birthdays --where "birthday_month = 5 and has_mobile"
                    segments define shanghai_women --where "city = 上海 and gender = F and not segment = general_retain\"""")
    String define(@Argument(index = 0, description = "NAME: letters, digits, _ or -, up to 40 characters") String name,
            @Option(longName = "where", description = "the filter expression (quote it)", required = true) String where) {
        String n = checkName(name);
        compiler.check(where);
        tryRun(where);
        String replaced = definitions.save(n, where.trim(), shop.now().toString().replace('T', ' ')).orElse(null);
        StringBuilder sb = new StringBuilder(replaced == null ? Tr.f("Saved segment %s", n) : Tr.f("Updated segment %s (was: %s)", n, replaced));
        Optional<Snapshot> current = snapshots.current();
        if (current.isPresent()) {
            long count = segments.count(segments.condition(n, current.get()));
            sb.append(Tr.f(": %,d customers match in %s.%nMembers: segments show %s", count, current.get().describe(), n));
        } else {
            sb.append(Tr.t(". Run 'segments refresh' to see who is in it."));
        }
        return sb.toString();
    }

    /** Never save what cannot run: SQLite prepares the real query (nothing is read, LIMIT 0). */
    private void tryRun(String where) {
        dev.rekindle.filter.SqlFragment f = compiler.compile(where, new dev.rekindle.filter.FieldContext(0, java.time.LocalDate.of(2000, 1, 1)));
        try {
            jdbc.sql("SELECT 1 " + SegmentCondition.FROM + " WHERE " + f.sql() + " LIMIT 0").params(f.params()).query().listOfRows();
        } catch (org.springframework.dao.DataAccessException e) {
            Throwable root = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e);
            throw new UserException(Tr.f("this filter cannot be run, so it was not saved: %s", root.getMessage()));
        }
    }

    @Command(name = {"segments", "show"}, group = Groups.ANALYSIS,
            description = "Members of a segment in the current snapshot (contacts masked); also RFM segments and stages",
            help = """
                    segments show vip_sleepers
                    segments show important_retain --limit 50
                    segments show silent --format csv --limit 100000""")
    String show(@Argument(index = 0, description = "NAME: a saved segment, an RFM segment or a stage") String name,
            @Option(longName = "limit", description = "at most this many, biggest spenders first", defaultValue = "20") Integer limit,
            @Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        if (limit == null || limit < 1) {
            throw new UsageException(Tr.t("--limit must be at least 1"));
        }
        SegmentCondition s = segments.condition(name.trim());
        long total = segments.count(s);
        // the snapshot on every row is for scripts: on screen the heading names it (the column made rows 134 wide)
        Table t = new Table("snapshot", "buyer_id", "name", "mobile", "stage", "segment", "r", "f", "m", "recency_days",
                "frequency", "monetary", "city", "main_category").offScreen(0);
        List<Object> params = new java.util.ArrayList<>(s.where().params());
        params.add(limit);
        jdbc.sql("SELECT c.buyer_id, c.name, c.mobile, cs.stage, cs.segment, cs.r, cs.f, cs.m, cs.recency_days, "
                + "cs.frequency, cs.monetary, c.city, cs.main_category " + SegmentCondition.FROM + " WHERE " + s.where().sql()
                + " ORDER BY cs.monetary DESC, c.id LIMIT ?").params(params).query(rs -> {
                    // people read the stage and segment by name; scripts (JSON, CSV) get the codes they filter with
                    boolean people = out == OutputFormat.TABLE;
                    t.row(s.snapshot().id(), rs.getString(1), rs.getString(2), Masks.mobile(rs.getString(3)),
                            people ? Vocabulary.nameOf(rs.getString(4)) : rs.getString(4),
                            people ? Vocabulary.nameOf(rs.getString(5)) : rs.getString(5), intOrNull(rs, 6), intOrNull(rs, 7), intOrNull(rs, 8), intOrNull(rs, 9),
                            rs.getInt(10), rs.getDouble(11), rs.getString(12), rs.getString(13));
                });
        if (out != OutputFormat.TABLE) {
            return t.render(out);
        }
        String head = total > t.size()
                ? Tr.f("Segment %s (%s): %,d customers in %s — the %,d biggest spenders:", s.name(), s.expression(), total,
                        s.snapshot().describe(), t.size())
                : Tr.f("Segment %s (%s): %,d customers in %s:", s.name(), s.expression(), total, s.snapshot().describe());
        return TextWidth.wrapAt(head, " — ", Table.SCREEN, "") + "\n" + (t.size() == 0 ? Tr.t("(nobody)") : t.render(out))
                + (total > t.size() ? "\n" + Tr.t("(--limit shows more; --format csv exports them)") : "");
    }

    @Command(name = {"segments", "drop"}, group = Groups.ANALYSIS, description = "Delete a saved segment (customers are not touched)",
            help = "segments drop vip_sleepers")
    String drop(@Argument(index = 0, description = "NAME: the saved segment") String name) {
        Optional<SegmentDefinitions.Definition> d = definitions.find(name.trim());
        if (d.isEmpty()) {
            List<String> names = definitions.all().stream().map(SegmentDefinitions.Definition::name).toList();
            throw new UserException(names.isEmpty() ? Tr.f("there is no saved segment '%s' (none are saved).", name)
                    : Tr.f("there is no saved segment '%s'. Saved: %s", name, String.join(", ", names)));
        }
        definitions.delete(d.get().name());
        return Tr.f("Dropped segment %s (it was: %s).", d.get().name(), d.get().expression());
    }

    @Command(name = {"segments", "fields"}, group = Groups.ANALYSIS,
            description = "The fields and syntax of the filter language used by 'segments define'",
            help = """
                    segments fields
                    segments fields --format json""")
    String fieldList(@Option(longName = "format", description = "table, json or csv", defaultValue = "table") String format) {
        OutputFormat out = OutputFormat.parse(format);
        Table t = new Table("field", "type", "meaning").fit(Table.SCREEN);
        for (FilterField f : fields.all()) {
            t.row(f.signature(), f.type().name().toLowerCase(), f.description());
        }
        return out == OutputFormat.TABLE ? t.render(out) + "\n\n" + language() : t.render(out);
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.trim();
        if (!n.matches("[\\p{L}\\p{N}_-]{1,40}")) {
            throw new UsageException(Tr.f("a segment NAME is 1 to 40 letters, digits, _ or -, got '%s'", name));
        }
        if (Vocabulary.segment(n).isPresent()) {
            throw new UserException(Tr.f("'%s' is already the name of a built-in RFM segment (segments show %s lists it): "
                    + "choose another name.", n, n));
        }
        if (Vocabulary.stage(n).isPresent()) {
            throw new UserException(Tr.f("'%s' is already the name of a built-in stage (segments show %s lists it): "
                    + "choose another name.", n, n));
        }
        return n;
    }

    private static Integer intOrNull(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
