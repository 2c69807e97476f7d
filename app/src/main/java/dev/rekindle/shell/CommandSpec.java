package dev.rekindle.shell;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;

/**
 * What a command accepts: its options (from Spring Shell) and its positional arguments, which Spring
 * Shell 4.0.1 does not expose, so they are read from the annotated method ({@link CommandMethods}). Used to
 * reject wrong command lines before anything runs, and to print help.
 *
 * @param arguments positional arguments in index order
 * @param varargs   true when the command takes any number of trailing words ({@code @Arguments})
 */
public record CommandSpec(Command command, List<ArgumentSpec> arguments, boolean varargs) {

    /** A positional argument; required unless it has a default value. */
    public record ArgumentSpec(int index, String name, String description, String defaultValue, Class<?> type) {
        public boolean required() {
            return defaultValue.isEmpty();
        }
    }

    /** @param method the annotated method the command runs; empty for Spring Shell's built-in commands */
    public static CommandSpec of(Command command, Optional<Method> method) {
        List<ArgumentSpec> args = new ArrayList<>();
        boolean varargs = false;
        if (method.isPresent()) {
            for (Parameter p : method.get().getParameters()) {
                Argument a = p.getAnnotation(Argument.class);
                if (a != null) {
                    args.add(new ArgumentSpec(a.index(), argumentName(p, a), a.description(), a.defaultValue(), p.getType()));
                }
                if (p.getAnnotation(Arguments.class) != null) {
                    varargs = true;
                }
            }
        }
        args.sort((x, y) -> Integer.compare(x.index(), y.index()));
        return new CommandSpec(command, List.copyOf(args), varargs);
    }

    public String name() {
        return command.getName();
    }

    public List<CommandOption> options() {
        return command.getOptions();
    }

    public Optional<CommandOption> option(String longName) {
        return options().stream().filter(o -> longName.equals(o.longName())).findFirst();
    }

    public Optional<CommandOption> shortOption(char shortName) {
        return options().stream().filter(o -> o.shortName() == shortName).findFirst();
    }

    /** e.g. {@code customers show ID [--channel TEXT]}. */
    public String synopsis() {
        StringBuilder sb = new StringBuilder(name());
        for (ArgumentSpec a : arguments) {
            sb.append(' ').append(a.required() ? a.name() : "[" + a.name() + "]");
        }
        if (varargs) {
            sb.append(" [WORDS…]");
        }
        for (CommandOption o : options()) {
            String part = "--" + o.longName() + (isFlag(o) ? "" : " " + valueName(o));
            sb.append(' ').append(Boolean.TRUE.equals(o.required()) ? part : "[" + part + "]");
        }
        return sb.toString();
    }

    public static boolean isFlag(CommandOption o) {
        return o.type() == boolean.class || o.type() == Boolean.class;
    }

    public static String valueName(CommandOption o) {
        Class<?> t = o.type();
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "N";
        if (t == double.class || t == Double.class) return "NUMBER";
        if (t.getSimpleName().equals("LocalDate")) return "YYYY-MM-DD";
        return o.longName() == null ? "VALUE" : o.longName().toUpperCase().replace('-', '_');
    }

    private static String argumentName(Parameter p, Argument a) {
        String d = a.description();
        // Convention: a description may start with the argument's display name in capitals, "ID: …".
        int colon = d.indexOf(':');
        if (colon > 0 && d.substring(0, colon).chars().allMatch(c -> Character.isUpperCase(c) || c == '_')) {
            return d.substring(0, colon);
        }
        return p.getName().toUpperCase();
    }
}
