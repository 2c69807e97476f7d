package dev.rekindle.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A rendered message loses surrounding white space exactly as String.strip takes it away. */
class PreparedTemplateTests {

    @Test
    void shouldStripAsStringStripDoes() {
        for (String s : new String[]{"", " ", "\n", "亲，元旦快乐！\n", "\t 【暖心小铺】 \r\n", "\u3000全角空格\u3000", "\u00A0不换行\u00A0",
                "😀 emoji 😀\n", "a\u2028", "\u001Fx\u001F"}) {
            assertEquals(s.strip(), PreparedTemplate.stripped(new StringBuilder(s)), () -> "'" + s + "'");
        }
    }
}
