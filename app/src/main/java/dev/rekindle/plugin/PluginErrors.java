package dev.rekindle.plugin;

import org.pf4j.PluginRuntimeException;

/** One line for an operator about what went wrong inside a plugin, with a hint for the usual causes. */
public final class PluginErrors {

    private PluginErrors() {
    }

    /**
     * The innermost cause, its type and message; with a hint when it is a linkage error (the plugin was
     * built against another API, or a library is missing from its jar).
     */
    public static String describe(Throwable e) {
        if (e == null) return "";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        // our own reasons (and PF4J's) are sentences that already say what failed
        String text = e instanceof PluginRuntimeException && e.getMessage() != null ? e.getMessage()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        String hint = "";
        if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
            hint = " (a library missing from the plugin jar? bundle it, or use PF4J's zip layout with lib/)";
        } else if (root instanceof IncompatibleClassChangeError || root instanceof NoSuchMethodError || root instanceof NoSuchFieldError) {
            hint = " (built against another plugin API: rebuild it against this one)";
        }
        return Redactor.redact(text.contains(hint) ? text : text + hint);
    }
}
