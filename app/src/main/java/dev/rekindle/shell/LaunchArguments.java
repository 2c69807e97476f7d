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

    public static LaunchArguments parse(String... args) {
        String db = null;
        String language = null;
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            String a = args[i];
            if (a.equals("--db")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--db needs a path, e.g. rekindle --db data/shop.db status");
                }
                db = args[i + 1];
                i += 2;
            } else if (a.startsWith("--db=")) {
                db = a.substring("--db=".length());
                i++;
            } else if (a.equals("--lang")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--lang needs en, zh or auto, e.g. rekindle --lang zh help");
                }
                language = args[i + 1];
                i += 2;
            } else if (a.startsWith("--lang=")) {
                language = a.substring("--lang=".length());
                i++;
            } else {
                break; // a command option such as --help: leave it to the command line
            }
        }
        return new LaunchArguments(db, language, List.copyOf(Arrays.asList(args).subList(i, args.length)));
    }

    public boolean hasCommand() {
        return !command.isEmpty();
    }

    public String[] commandArgs() {
        return command.toArray(String[]::new);
    }

    /** Global options become properties before Spring starts, so every bean sees them. */
    public void applyToSystemProperties() {
        if (db != null) {
            System.setProperty("rekindle.db", Path.of(db).toAbsolutePath().toString());
            System.setProperty("rekindle.db.explicit", "true");
        }
        if (language != null) {
            System.setProperty("rekindle.language", language);
        }
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
