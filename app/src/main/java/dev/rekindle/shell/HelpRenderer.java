package dev.rekindle.shell;

import dev.rekindle.console.Groups;
import dev.rekindle.console.Style;
import dev.rekindle.console.Table;
import dev.rekindle.console.TextWidth;
import dev.rekindle.i18n.Tr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.stereotype.Component;

/**
 * The text of {@code help} and {@code help COMMAND}. Groups appear in the order an operator works
 * (look, import, analyse, plan, send, prove); a command's {@code help} attribute holds its examples,
 * one per line.
 */
@Component
public class HelpRenderer {

    /** Group names used by the feature packages, in the order they are shown. */
    public static final List<String> GROUP_ORDER = List.of(
            Groups.START, Groups.CUSTOMERS, Groups.IMPORT, Groups.ANALYSIS, Groups.TEMPLATES,
            Groups.CAMPAIGNS, Groups.CHANNELS, Groups.PLUGINS, Groups.REPORTS, Groups.SHELL);

    private final ObjectProvider<CommandRegistry> registry;

    public HelpRenderer(ObjectProvider<CommandRegistry> registry) {
        this.registry = registry;
    }

    public String overview() {
        Map<String, List<Command>> byGroup = new LinkedHashMap<>();
        List<Command> visible = registry.getObject().getCommands().stream().filter(c -> !c.isHidden())
                .sorted(Comparator.comparing(Command::getName)).toList();
        for (Command c : visible) {
            byGroup.computeIfAbsent(groupOf(c), g -> new ArrayList<>()).add(c);
        }
        List<String> groups = new ArrayList<>(byGroup.keySet());
        groups.sort(Comparator.comparingInt((String g) -> GROUP_ORDER.contains(g) ? GROUP_ORDER.indexOf(g) : 100)
                .thenComparing(g -> g));
        int width = visible.stream().mapToInt(c -> c.getName().length()).max().orElse(10) + 2;
        StringBuilder sb = new StringBuilder(Tr.t("Rekindle — keep and win back the customers your shop already has.")).append('\n');
        for (String g : groups) {
            sb.append('\n').append(Style.heading(Tr.t(g))).append('\n');
            for (Command c : byGroup.get(g)) {
                row(sb, Style.name(pad(c.getName(), width)), width, describe(c));
            }
        }
        sb.append('\n').append(Tr.t("Type 'help COMMAND' for its options and examples, e.g. 'help customers find'."));
        return sb.toString();
    }

    /** The commands starting with these words ({@code help campaigns}), or empty when there are none. */
    public java.util.Optional<String> family(String words) {
        List<Command> family = registry.getObject().getCommandsByPrefix(words + " ").stream()
                .filter(c -> !c.isHidden()).sorted(Comparator.comparing(Command::getName)).toList();
        if (family.isEmpty()) {
            return java.util.Optional.empty();
        }
        int width = family.stream().mapToInt(c -> c.getName().length()).max().orElse(10) + 2;
        StringBuilder sb = new StringBuilder();
        for (Command c : family) {
            row(sb, Style.name(pad(c.getName(), width)), width, describe(c));
        }
        sb.append('\n').append(Tr.f("Type 'help %s …' for one command's options and examples.", words));
        return java.util.Optional.of(sb.toString());
    }

    public String commandHelp(CommandSpec spec) {
        Command c = spec.command();
        StringBuilder sb = new StringBuilder();
        int column = TextWidth.of(c.getName()) + 3;
        sb.append(Style.name(c.getName())).append(" — ")
                .append(String.join("\n" + " ".repeat(column), TextWidth.wrap(describe(c), Math.max(30, Table.SCREEN - column))))
                .append("\n\n");
        sb.append(Style.heading(Tr.t("Usage: "))).append(usage(spec.synopsis(), TextWidth.of(Tr.t("Usage: ")), c.getName())).append('\n');
        if (!spec.arguments().isEmpty()) {
            sb.append('\n').append(Style.heading(Tr.t("Arguments:"))).append('\n');
            int w = spec.arguments().stream().mapToInt(a -> a.name().length()).max().orElse(4) + 2;
            for (CommandSpec.ArgumentSpec a : spec.arguments()) {
                String d = Tr.t(a.description());
                // "ID: the campaign's number" under the heading ID says ID once (':' in English, '：' in Chinese)
                if (d.startsWith(a.name() + ":") || d.startsWith(a.name() + "：")) d = d.substring(a.name().length() + 1).trim();
                // a default in parentheses, e.g. "(none)", marks an argument left out, not a value to show
                boolean placeholder = a.defaultValue().startsWith("(") && a.defaultValue().endsWith(")");
                row(sb, pad(a.name(), w), w, d + (a.required() || placeholder ? "" : Tr.f(" (default %s)", a.defaultValue())));
            }
        }
        if (!c.getOptions().isEmpty()) {
            sb.append('\n').append(Style.heading(Tr.t("Options:"))).append('\n');
            List<String> heads = c.getOptions().stream().map(HelpRenderer::optionHead).toList();
            int w = heads.stream().mapToInt(String::length).max().orElse(8) + 2;
            for (int i = 0; i < heads.size(); i++) {
                CommandOption o = c.getOptions().get(i);
                String d = Tr.t(nullToEmpty(o.description()));
                if (Boolean.TRUE.equals(o.required())) {
                    d += Tr.t(" (required)");
                } else if (o.defaultValue() != null && !o.defaultValue().isEmpty()) {
                    d += Tr.f(" (default %s)", o.defaultValue());
                }
                row(sb, pad(heads.get(i), w), w, d);
            }
        }
        String examples = nullToEmpty(c.getHelp());
        if (!examples.isBlank() && !examples.startsWith(c.getName() + "(")) {
            sb.append('\n').append(Style.heading(Tr.t("Examples:"))).append('\n');
            for (String line : examples.strip().split("\n")) {
                sb.append("  ").append(Style.name(line.strip())).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    /** The description in the interface language; Spring Shell's own commands are named here to be translated. */
    static String describe(Command c) {
        String d = nullToEmpty(c.getDescription());
        return switch (d) {
            case "Clear the terminal screen" -> Tr.t("Clear the terminal screen");
            case "Display or save the history of previously run commands" ->
                    Tr.t("Display or save the history of previously run commands");
            case "Exit the shell" -> Tr.t("Exit the shell");
            default -> Tr.t(d);
        };
    }

    private static String optionHead(CommandOption o) {
        String head = "--" + o.longName();
        if (o.shortName() != ' ') head = "-" + o.shortName() + ", " + head;
        return CommandSpec.isFlag(o) ? head : head + " " + CommandSpec.valueName(o);
    }

    private static String groupOf(Command c) {
        String g = c.getGroup();
        return g == null || g.isBlank() || g.equals("Built-In Commands") ? Groups.SHELL : g;
    }

    /**
     * One line of a two-column list: the padded head, then the description wrapped to the screen with its
     * continuation lines under the description (a long one ran past 120 columns and wrapped under the head).
     */
    private static void row(StringBuilder sb, String paddedHead, int width, String description) {
        int column = 2 + Math.max(width, TextWidth.of(paddedHead));
        List<String> lines = TextWidth.wrap(description, Math.max(30, Table.SCREEN - column));
        sb.append("  ").append(paddedHead).append(String.join("\n" + " ".repeat(column), lines)).append('\n');
    }

    /**
     * The synopsis wrapped to the screen between its parts ({@code [--map MAP]} stays whole), the next lines
     * under the first part after the command name.
     */
    static String usage(String synopsis, int prefix, String name) {
        if (prefix + TextWidth.of(synopsis) <= Table.SCREEN || !synopsis.startsWith(name + " ")) {
            return synopsis;
        }
        List<String> parts = new ArrayList<>(List.of(name));
        PART.matcher(synopsis.substring(name.length())).results().forEach(m -> parts.add(m.group()));
        String under = " ".repeat(prefix + TextWidth.of(name) + 1);
        return String.join("\n", TextWidth.pack(parts.toArray(String[]::new), " ", under, Table.SCREEN - prefix));
    }

    /** One part of a synopsis: an optional {@code [--option VALUE]} as a whole, or a word. */
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("\\[[^\\]]*]|\\S+");

    /** Pads by display width: a Chinese character takes two columns. */
    static String pad(String s, int width) {
        int w = TextWidth.of(s);
        return w >= width ? s + " " : s + " ".repeat(width - w);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
