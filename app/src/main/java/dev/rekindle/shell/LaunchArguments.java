package dev.rekindle.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process arguments split into global options (before the command) and the command words.
 * {@code rekindle --db shop.db --lang zh customers find --name 王} → db = shop.db, language = zh,
 * command = customers find --name 王.
 */
public record LaunchArguments(String db, String language, List<String> command) {

    public LaunchArguments(String db, List<String> command) {
        this(db, null, command);
    }

    /** The global options and how to use them, for the message when one lacks its value. */
    private static final java.util.Map<String, String> GLOBAL = java.util.Map.of(
            "--db", "a path, e.g. rekindle --db data/shop.db status",
            "--lang", "en, zh or auto, e.g. rekindle --lang zh help");

    public static LaunchArguments parse(String... args) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (!GLOBAL.containsKey(name)) {
                break; // a command option such as --help: leave it to the command line
            }
            if (eq > 0) {
                values.put(name, a.substring(eq + 1));
                i++;
            } else if (i + 1 < args.length && !args[i + 1].isBlank()) {
                values.put(name, args[i + 1]);
                i += 2;
            } else {
                throw new IllegalArgumentException(name + " needs " + GLOBAL.get(name));
            }
        }
        return new LaunchArguments(values.get("--db"), values.get("--lang"),
                List.copyOf(Arrays.asList(args).subList(i, args.length)));
    }

    public boolean hasCommand() {
        return !command.isEmpty();
    }

    public String[] commandArgs() {
        return command.toArray(String[]::new);
    }

    /** Global options become properties before Spring starts, so every bean sees them. */
    public void applyToSystemProperties() {
        properties().forEach(System::setProperty);
    }

    /** The settings the global options stand for ({@code --db} → rekindle.db, {@code --lang} → rekindle.language). */
    public java.util.Map<String, String> properties() {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        if (db != null) {
            p.put("rekindle.db", Path.of(db).toAbsolutePath().toString());
            p.put("rekindle.db.explicit", "true");
        }
        if (language != null) {
            p.put("rekindle.language", language);
        }
        return p;
    }

    public List<String> allWords() {
        List<String> all = new ArrayList<>();
        if (db != null) {
            all.add("--db");
            all.add(db);
        }
        if (language != null) {
            all.add("--lang");
            all.add(language);
        }
        all.addAll(command);
        return all;
    }
}
