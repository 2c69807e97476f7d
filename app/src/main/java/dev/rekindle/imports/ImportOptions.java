package dev.rekindle.imports;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the operator asked for on the command line.
 *
 * @param format     auto, taobao, tmall, generic, lines, cdnow (orders); auto, generic, taobao (customers)
 * @param encoding   auto, utf-8, gbk …
 * @param map        field → column from {@code --map}
 * @param dateFormat {@code --date-format} pattern or null
 * @param skipBad    import the good rows and write the bad ones to a reject file
 * @param channel    consents only: the channel decisions apply to
 */
record ImportOptions(Path file, String format, String encoding, Map<String, String> map, String dateFormat,
        boolean skipBad, String channel) {
}
