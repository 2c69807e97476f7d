package dev.rekindle.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The process arguments split into global options (before the command) and the command words.
 * {@code rekindle --db shop.db customers find --name 王} → db = shop.db, command = customers find --name 王.
 */
public record LaunchArguments(String db, List<String> command) {

    public static LaunchArguments parse(String... args) {
        String db = null;
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
            } else {
                break; // a command option such as --help: leave it to the command line
            }
        }
        return new LaunchArguments(db, List.copyOf(Arrays.asList(args).subList(i, args.length)));
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
    }

    public List<String> allWords() {
        List<String> all = new ArrayList<>();
        if (db != null) {
            all.add("--db");
            all.add(db);
        }
        all.addAll(command);
        return all;
    }
}
