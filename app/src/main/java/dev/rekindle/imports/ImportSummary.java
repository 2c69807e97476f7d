package dev.rekindle.imports;

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
    Path rejectFile;
    Duration took = Duration.ZERO;
    final Map<String, Long> skipped = new LinkedHashMap<>();

    ImportSummary(String kind, Path file) {
        this.kind = kind;
        this.file = file;
    }

    void skip(String reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    long returns() {
        return returnsAdded + returnsUpdated + returnsUnchanged;
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Imported %s from %s%s in %.1f s%n", kind, file.getFileName(),
                format.isEmpty() ? "" : " (" + format + ", " + source + ")", took.toMillis() / 1000.0));
        if (!mapping.isEmpty()) {
            sb.append(String.format("  %-12s %s%n", "columns", mapping));
        }
        sb.append(String.format("  %-12s %,d%n", "rows read", rowsRead));
        sb.append(String.format("  %-12s %,d added, %,d updated, %,d unchanged%n", kind, added, updated, unchanged));
        if (kind.equals("orders")) {
            sb.append(String.format("  %-12s %,d added, %,d updated (from the order rows)%n", "customers", customersAdded, customersUpdated));
            if (returns() > 0) {
                sb.append(String.format("  %-12s %,d (¥%,.2f; %,d added, %,d updated, %,d unchanged) — kept apart, not counted as purchases%n",
                        "returns", returns(), returnsAmount, returnsAdded, returnsUpdated, returnsUnchanged));
            }
        }
        long skippedTotal = skippedTotal();
        if (skippedTotal > 0) {
            StringBuilder reasons = new StringBuilder();
            skipped.forEach((reason, n) -> reasons.append(reasons.length() == 0 ? "" : ", ").append(reason).append(": ").append(String.format("%,d", n)));
            sb.append(String.format("  %-12s %,d (%s)%n", "skipped", skippedTotal, reasons));
        }
        if (rejected > 0) {
            sb.append(String.format("  %-12s %,d bad row%s written to %s%n", "rejected", rejected, rejected == 1 ? "" : "s", rejectFile));
        }
        return sb.toString().stripTrailing();
    }
}
