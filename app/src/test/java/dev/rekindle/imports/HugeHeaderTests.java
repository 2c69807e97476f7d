package dev.rekindle.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 20 case 8: a 10 MB header line is never echoed whole to the terminal: its length is said instead. */
class HugeHeaderTests extends ImportTestSupport {

    @Test
    void aTenMegabyteHeaderIsCutWithItsLength() {
        String header = "x".repeat(10 * 1024 * 1024);
        Result r = run("customers import " + write("huge.csv", header + "\nA\n"));

        assertEquals(1, r.exit());
        assertTrue(r.err().length() < 10_000, "stderr holds " + r.err().length() + " characters");
        assertTrue(r.err().contains("characters in all]"), r.err().substring(0, Math.min(500, r.err().length())));
        assertEquals(0L, count("customers"));
    }
}
