package dev.rekindle.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeColumnTests {

    @Test
    void shouldGiveBackExactlyTheTextItWasGiven() {
        TimeColumn c = new TimeColumn(2);
        c.set(0, "2024-02-29 23:59:07");
        c.set(1, "2024-02-29T23:59");   // another shape is kept as it is
        c.set(2, null);                  // grows

        assertEquals("2024-02-29 23:59:07", c.get(0));
        assertEquals("2024-02-29T23:59", c.get(1));
        assertNull(c.get(2));
        assertFalse(c.isPresent(2));
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), c.epochDay(0));
        assertEquals(LocalDate.of(2024, 2, 29).toEpochDay(), c.epochDay(1));
    }
}
