package dev.rekindle.plugin;

import java.util.Optional;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * Version comparisons for plugins, tolerant of what authors write: qualifiers such as {@code -SNAPSHOT}
 * are ignored (under SemVer {@code 0.1.0-SNAPSHOT} is older than {@code 0.1.0}, so a plugin built
 * against a snapshot API would otherwise refuse the released host), and a version that is not SemVer
 * is compared as text instead of failing the load.
 */
final class PluginVersions {

    private PluginVersions() {
    }

    /** {@code 0.2.0-SNAPSHOT} → {@code 0.2.0}; {@code 1.2} → {@code 1.2.0}. */
    static String release(String version) {
        String v = version == null ? "" : version.trim();
        int dash = v.indexOf('-');
        if (dash > 0) v = v.substring(0, dash);
        int plus = v.indexOf('+');
        if (plus > 0) v = v.substring(0, plus);
        String[] parts = v.split("\\.");
        if (parts.length == 1 && v.matches("\\d+")) return v + ".0.0";
        if (parts.length == 2 && v.matches("\\d+\\.\\d+")) return v + ".0";
        return v;
    }

    /** The first version of the next major line, where a plugin built against {@code version} stops: {@code 1.2.0-SNAPSHOT} → {@code 2.0.0}. */
    static String nextMajor(String version) {
        String major = release(version).split("\\.")[0];
        return (Integer.parseInt(major) + 1) + ".0.0";
    }

    /** Every version in a constraint without its qualifier: {@code >=0.1.0-SNAPSHOT & <1.0.0} → {@code >=0.1.0 & <1.0.0}. */
    static String releaseConstraint(String constraint) {
        return constraint == null ? "" : constraint.trim().replaceAll("(\\d+\\.\\d+\\.\\d+)-[0-9A-Za-z.-]+", "$1");
    }

    static int compare(VersionManager versions, String a, String b) {
        try {
            return versions.compareVersions(release(a), release(b));
        } catch (RuntimeException e) {
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
    }

    static boolean satisfies(VersionManager versions, String version, String constraint) {
        if (constraint == null || constraint.isBlank() || constraint.trim().equals("*")) return true;
        try {
            return versions.checkVersionConstraint(release(version), releaseConstraint(constraint));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Why this host cannot run the plugin, naming both versions; empty when its {@code Plugin-Requires}
     * admits {@code apiVersion} (or is empty or {@code *}). A bare version means "this or newer".
     */
    static Optional<String> refusal(VersionManager versions, String apiVersion, PluginDescriptor plugin) {
        String requires = plugin.getRequires() == null ? "" : plugin.getRequires().trim();
        if (requires.isEmpty() || requires.equals("*")) return Optional.empty();
        String constraint = requires.matches("\\d+(\\.\\d+){0,2}(-\\S+)?") ? ">=" + release(requires) : requires;
        boolean ok;
        try {
            ok = versions.checkVersionConstraint(release(apiVersion), releaseConstraint(constraint));
        } catch (RuntimeException e) {
            return Optional.of("its Plugin-Requires '" + requires + "' is not a version range this host understands ("
                    + e.getMessage() + "); write e.g. >=0.1.0 & <1.0.0");
        }
        if (ok) return Optional.empty();
        return Optional.of("needs plugin API " + requires + ", but this Rekindle offers API " + release(apiVersion)
                + (versions.compareVersions(release(apiVersion), lowest(constraint)) < 0
                        ? ": update Rekindle, or use a version of the plugin built for API " + release(apiVersion)
                        : ": the plugin is too old for this Rekindle; get a version built for API " + release(apiVersion)));
    }

    /** The first version named in a constraint, for telling "too new" from "too old". */
    private static String lowest(String constraint) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+\\.\\d+\\.\\d+").matcher(constraint);
        return m.find() ? m.group() : "0.0.0";
    }
}
