package dev.rekindle.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Imports (rekindle.import.*).
 *
 * @param cacheMb SQLite page cache while an import runs (native memory, not the Java heap; restored
 *                afterwards); a bare number is megabytes, 1GB works too
 */
@ConfigurationProperties("rekindle.import")
public record ImportProperties(@DataSizeUnit(DataUnit.MEGABYTES) DataSize cacheMb) {

    public ImportProperties {
        if (cacheMb.toMegabytes() < 1) {
            throw new IllegalArgumentException("rekindle.import.cache-mb must be at least 1 MB, got " + cacheMb);
        }
    }

    /** The cache in whole megabytes, as SQLite's cache_size pragma wants it. */
    int cacheMegabytes() {
        return (int) Math.min(Integer.MAX_VALUE, cacheMb.toMegabytes());
    }
}
