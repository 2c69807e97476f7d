package dev.rekindle.imports.source;

import java.util.List;

/**
 * A value an importer needs from a file, e.g. {@code amount}.
 *
 * @param key         the name used in {@code --map key=Column}
 * @param description what it is, for help and messages
 * @param synonyms    header names that mean this field, best first (compared without case, spaces or punctuation)
 */
public record Field(String key, String description, List<String> synonyms) {

    public static Field of(String key, String description, String... synonyms) {
        return new Field(key, description, List.of(synonyms));
    }
}
