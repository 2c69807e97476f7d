package dev.rekindle.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rekindle.console.UsageException;
import java.util.List;
import org.junit.jupiter.api.Test;


class CommandLineTokenizerTests {

    @Test
    void shouldKeepQuotedSpacesTogether() {
        assertEquals(List.of("customers", "find", "--name", "王 小明"),
                CommandLineTokenizer.tokenize("customers find --name \"王 小明\""));
        assertEquals(List.of("segments", "define", "vip", "--where", "m >= 4 and city = '上海'"),
                CommandLineTokenizer.tokenize("segments define vip --where \"m >= 4 and city = '上海'\""));
        assertEquals(List.of("a", "it's"), CommandLineTokenizer.tokenize("a it\\'s"));
    }

    @Test
    void shouldKeepAnEmptyQuotedValue() {
        assertEquals(List.of("x", "--name", ""), CommandLineTokenizer.tokenize("x --name \"\""));
    }

    @Test
    void shouldRejectAnUnclosedQuote() {
        UsageException e = assertThrows(UsageException.class, () -> CommandLineTokenizer.tokenize("x --name \"abc"));
        assertEquals("unclosed double quote in: x --name \"abc", e.getMessage());
    }
}
