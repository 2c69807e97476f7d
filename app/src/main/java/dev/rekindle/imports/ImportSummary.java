package dev.rekindle.imports;

import dev.rekindle.i18n.Tr;
import dev.rekindle.console.TextWidth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The counts of one import run and how they are told to the operator. */
final class ImportSummary {

    final String kind;
    final Path file;
    String format = "";
    String source = "";
    String mapping = "";
    long rowsRead;
    long added;
    long updated;
    long unchanged;
    long customersAdded;
    long customersUpdated;
    long returnsAdded;
    long returnsUpdated;
    long returnsUnchanged;
    double returnsAmount;
    long rejected;
    long ordersCategorized;
    long removed;
    /** contact:<kind> columns of a customers file, and how many of their addresses were added or changed */
    String contactKinds = "";
    long contactsWritten;
    Path rejectFile;
    Duration took = Duration.ZERO;
    final Map<String, Long> skipped = new LinkedHashMap<>();
    /** Rows imported with a warning: what (in the interface language) → how many, and the first one. */
    final Map<String, Flag> flagged = new LinkedHashMap<>();

    record Flag(long count, String first) {
    }

    ImportSummary(String kind, Path file) {
        this.kind = kind;
        this.file = file;
    }

    /** Counts a skipped row under its reason (already in the interface language). */
    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    /** Counts a row imported with a warning; {@code where} names the file, line and value of the first. */
    void flag(String what, String where) {
        flagged.merge(what, new Flag(1, where), (a, b) -> new Flag(a.count() + 1, a.first()));
    }

    long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    long returns() {
        return returnsAdded + returnsUpdated + returnsUnchanged;
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        String how = format.isEmpty() ? "" : " (" + format + ", " + source + ")";
        double seconds = took.toMillis() / 1000.0;
        sb.append(switch (kind) {
            case "orders" -> Tr.f("Imported orders from %s%s in %.1f s", file.getFileName(), how, seconds);
            case "customers" -> Tr.f("Imported customers from %s%s in %.1f s", file.getFileName(), how, seconds);
            case "products" -> Tr.f("Imported products from %s%s in %.1f s", file.getFileName(), how, seconds);
            case "rules" -> Tr.f("Imported category rules from %s%s in %.1f s", file.getFileName(), how, seconds);
            default -> Tr.f("Imported consents from %s%s in %.1f s", file.getFileName(), how, seconds);
        }).append('\n');
        if (!mapping.isEmpty()) {
            line(sb, Tr.t("columns"), mapping);
        }
        line(sb, Tr.t("rows read"), String.format("%,d", rowsRead));
        line(sb, Tr.t(kind), Tr.f("%,d added, %,d updated, %,d unchanged", added, updated, unchanged));
        if (kind.equals("orders")) {
            line(sb, Tr.t("customers"), Tr.f("%,d added, %,d updated (from the order rows)", customersAdded, customersUpdated));
            if (returns() > 0) {
                line(sb, Tr.t("returns"), Tr.f("%,d (¥%,.2f; %,d added, %,d updated, %,d unchanged) — kept apart, not counted as purchases",
                        returns(), returnsAmount, returnsAdded, returnsUpdated, returnsUnchanged));
            }
        }
        if (!contactKinds.isEmpty()) {
            line(sb, Tr.t("contacts"), Tr.f("%,d addresses added or changed (%s)", contactsWritten, contactKinds));
        }
        if (removed > 0) {
            line(sb, Tr.t("removed"), Tr.f("%,d rules no longer in the file", removed));
        }
        if ((kind.equals("products") || kind.equals("rules")) && ordersCategorized > 0) {
            line(sb, Tr.t("orders"), Tr.f("%,d got another category", ordersCategorized));
        }
        long skippedTotal = skippedTotal();
        if (skippedTotal > 0) {
            StringBuilder reasons = new StringBuilder();
            skipped.forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(reason).append(": ")
                    .append(String.format("%,d", n)));
            line(sb, Tr.t("skipped"), Tr.f("%,d (%s)", skippedTotal, reasons));
        }
        flagged.forEach((what, f) -> line(sb, Tr.t("warning"), Tr.f("%,d %s (first: %s)", f.count(), what, f.first())));
        if (rejected > 0) {
            line(sb, Tr.t("rejected"), rejected == 1 ? Tr.f("%,d bad row written to %s", rejected, rejectFile)
                    : Tr.f("%,d bad rows written to %s", rejected, rejectFile));
        }
        return sb.toString().stripTrailing();
    }

    /** A label padded by display width (Chinese labels take two columns a character). */
    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(TextWidth.pad(label, 12)).append(' ').append(value).append('\n');
    }
}
