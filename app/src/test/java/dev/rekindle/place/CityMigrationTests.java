package dev.rekindle.place;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * V17 re-normalises the cities stored before places were read with the division table. A migration is
 * plain SQL, so it carries the table's spellings as rows; this test keeps them equal to {@link Places}'s.
 * To write the rows anew after the table changed: {@code -Drekindle.write-v17=true} (then review the diff;
 * a released migration is never edited — a changed table needs a new one).
 */
class CityMigrationTests {

    static final Path V17 = Path.of("src/main/resources/db/migration/V17__normalise_cities.sql");
    static final String BEGIN = "-- spellings: begin";
    static final String END = "-- spellings: end";

    @Test
    void theMigrationShouldCarryEverySpellingOfTheTable() throws IOException {
        List<String> expected = new ArrayList<>();
        for (Map.Entry<String, Place> e : Places.spellings().entrySet()) {
            expected.add("  ('" + e.getKey() + "', '" + e.getValue().province() + "', '" + e.getValue().city() + "')");
        }
        for (int i = 0; i < expected.size() - 1; i++) expected.set(i, expected.get(i) + ",");
        String text = Files.readString(V17, StandardCharsets.UTF_8);
        int from = text.indexOf(BEGIN) + BEGIN.length() + 1;
        int to = text.indexOf(END);
        if (Boolean.getBoolean("rekindle.write-v17")) {
            text = text.substring(0, from) + String.join("\n", expected) + "\n" + text.substring(to);
            Files.writeString(V17, text, StandardCharsets.UTF_8);
        }
        List<String> actual = List.of(text.substring(from, to).strip().split("\n"));
        assertEquals(String.join("\n", expected).strip(), String.join("\n", actual).strip());
    }
}
