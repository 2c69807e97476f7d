package dev.rekindle.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** Rows packed by SQLite's json_array come back value for value: text, numbers, NULLs, escapes. */
class JsonRowTests {

    private static String[] roundTrip(Object... values) throws Exception {
        try (Connection con = DriverManager.getConnection("jdbc:sqlite::memory:");
                PreparedStatement st = con.prepareStatement("SELECT json_array(" + "?, ".repeat(values.length - 1) + "?)")) {
            for (int i = 0; i < values.length; i++) {
                st.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                String json = rs.getString(1);
                String[] parsed = JsonRow.parse(json, values.length);
                byte[] bytes = rs.getBytes(1);
                int[] at = JsonRow.starts(bytes, values.length);
                String[] onDemand = new String[values.length];
                for (int k = values.length - 1; k >= 0; k--) { // any order: each value is found from its start
                    onDemand[k] = JsonRow.value(bytes, at[k]);
                }
                assertArrayEquals(parsed, onDemand, "decoded on demand as in one pass");
                return parsed;
            }
        }
    }

    @Test
    void shouldReadBackWhatSqlitePacked() throws Exception {
        String awkward = "王\"小\\明\n\t\r\b\f\u0001\u001f,]} 😀 /";
        assertArrayEquals(new String[]{"13912345678", null, "42", "-7", "", awkward, "2024-01-05 10:00:00", "0"},
                roundTrip("13912345678", null, 42, -7L, "", awkward, "2024-01-05 10:00:00", 0));
    }

    @Test
    void aWholeNumberShouldReadAsLongParseLongReadsIt() {
        byte[] row = bytes("[0,42,-7,9223372036854775807,-9223372036854775808,\"12\",12345678901234567]");
        int[] at = JsonRow.starts(row, 7);
        long[] expected = {0, 42, -7, Long.MAX_VALUE, Long.MIN_VALUE, 12, 12345678901234567L};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], JsonRow.longValue(row, at[k]), "value " + k);
        }
        assertThrows(NumberFormatException.class, () -> JsonRow.longValue(bytes("[1.5]"), 1));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseARowOfAnotherShape() {
        assertThrows(IllegalArgumentException.class, () -> JsonRow.parse("[1,2]", 3));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.parse("[1,2,3]", 2));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.parse("{\"a\":1}", 1));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.parse("[\"open]", 1));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.starts(bytes("[1,2]"), 3));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.starts(bytes("[1,2,3]"), 2));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.starts(bytes("{\"a\":1}"), 1));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.starts(bytes("[\"open]"), 1));
        assertThrows(IllegalArgumentException.class, () -> JsonRow.starts(bytes("[\"a\\\"]"), 1));
    }

    @Test
    void aRowShouldEndAtItsLine() {
        assertThrows(IllegalArgumentException.class, () -> JsonRow.starts(bytes("[1]\n[2]"), 1), "two rows are not one");
        assertThrows(IllegalArgumentException.class, () -> JsonRow.startsOfLine(bytes("[\"open]\n[1]"), 0, 1),
                "a string left open must not take the next row");
        byte[] lines = bytes("[1,\"a\\n\"]\n[null,2]");
        assertArrayEquals(new int[]{1, 3, 9}, JsonRow.startsOfLine(lines, 0, 2), "values at 1 and 3, the line ends at 9");
        assertArrayEquals(new int[]{-1, 16, 18}, JsonRow.startsOfLine(lines, 10, 2), "the last row ends with the text");
        assertThrows(IllegalArgumentException.class, () -> JsonRow.startsOfLine(bytes("[1] [2]"), 0, 1), "a row fills its line");
    }
}
