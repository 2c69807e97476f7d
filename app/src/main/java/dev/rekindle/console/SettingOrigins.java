package dev.rekindle.console;

import dev.rekindle.i18n.Tr;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Where a setting's value was set, in the operator's words: a file and line, {@code -D}, an environment
 * variable, the command line, or Rekindle's own defaults. The one home for it: the {@code settings} command
 * lists it beside every value, and a value that cannot be bound names it in its error.
 */
public final class SettingOrigins {

    /** The property source that the launcher's global options ({@code --db}, {@code --lang}) go into. */
    public static final String COMMAND_LINE = "commandLineOptions";

    private SettingOrigins() {
    }

    /** From an origin alone (a binding error): the property source, when Boot wrapped it, names the rest. */
    public static String describe(Origin origin) {
        if (origin == null) return "?";
        String source = origin instanceof PropertySourceOrigin o ? o.getPropertySource().getName() : "";
        return describe(source, origin);
    }

    /** From the property source a value was found in and its origin there. */
    public static String describe(String sourceName, Origin origin) {
        String property = null;
        if (origin instanceof PropertySourceOrigin wrapped) {
            // Boot wraps the file's own origin (file, line) with the source it was found in
            property = wrapped.getPropertyName();
            origin = wrapped.getOrigin();
        }
        if (sourceName.equals(COMMAND_LINE)) return Tr.t("command line");
        if (sourceName.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) return "-D";
        if (origin instanceof SystemEnvironmentOrigin env) return Tr.f("environment %s", env.getProperty());
        if (sourceName.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME) && property != null) {
            return Tr.f("environment %s", property);
        }
        if (origin instanceof TextResourceOrigin text) {
            Resource r = text.getResource();
            if (r instanceof ClassPathResource || sourceName.contains("class path resource [")) {
                return Tr.f("default (%s in Rekindle)", r.getFilename()); // the shipped file, inside the jar
            }
            String file = path(r);
            return text.getLocation() == null ? file : file + ":" + (text.getLocation().getLine() + 1);
        }
        if (sourceName.equals("defaultProperties")) return Tr.t("default");
        return sourceName.isEmpty() ? String.valueOf(origin) : sourceName;
    }

    /** The file's path; a resource that is not a file (inside a jar, a URL) by Spring's description of it. */
    private static String path(Resource r) {
        try {
            return r.getFile().getPath();
        } catch (java.io.IOException | UnsupportedOperationException notAFile) {
            return r.getDescription();
        }
    }
}
