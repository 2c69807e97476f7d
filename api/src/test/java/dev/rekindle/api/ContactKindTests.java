package dev.rekindle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contact kinds are open: any well-formed id is a kind, equal by id; the known ids are the constants. */
class ContactKindTests {

    @Test
    void aPluginNamesANewKindAndItEqualsEveryOtherOfTheSameId() {
        ContactKind line = ContactKind.of("line");
        assertEquals("line", line.id());
        assertEquals("line", line.toString());
        assertEquals(line, ContactKind.of("line"));
        assertEquals(line.hashCode(), ContactKind.of("line").hashCode());
        assertNotEquals(line, ContactKind.of("dingtalk"));
        assertFalse(line.isKnown());
        assertEquals("found", Map.of(ContactKind.of("wecom-user"), "found").get(ContactKind.of("wecom-user")));
    }

    @Test
    void theKnownIdsGiveTheConstantsSoComparingWithThemWorks() {
        assertSame(ContactKind.MOBILE, ContactKind.of("mobile"));
        assertSame(ContactKind.EMAIL, ContactKind.of("email"));
        assertSame(ContactKind.WECHAT, ContactKind.of("wechat"));
        assertSame(ContactKind.GROUP, ContactKind.of("group"));
        assertEquals(java.util.List.of(ContactKind.MOBILE, ContactKind.EMAIL, ContactKind.WECHAT, ContactKind.GROUP), ContactKind.known());
        assertTrue(ContactKind.known().stream().allMatch(ContactKind::isKnown));
    }

    @Test
    void aMalformedIdIsRefusedWithTheRule() {
        for (String bad : new String[]{null, "", "LINE", "line id", "1line", "-line", "line_id", "线"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ContactKind.of(bad), String.valueOf(bad));
            assertTrue(e.getMessage().contains("lower-case letters, digits and '-'"), e.getMessage());
        }
        assertEquals("a-1", ContactKind.of("a-1").id());
    }

    @Test
    @SuppressWarnings("deprecation")
    void sourceWrittenAgainstTheEnumStillCompilesAndMeansTheSame() {
        assertSame(ContactKind.MOBILE, ContactKind.valueOf("MOBILE"));
        assertEquals(ContactKind.of("wecom-user"), ContactKind.valueOf("WECOM_USER"));
        assertEquals("EMAIL", ContactKind.EMAIL.name());
        assertEquals(Set.of(ContactKind.MOBILE), CustomerView.builder(1, "b").contacts(ContactKind.MOBILE, ContactKind.MOBILE).build().contacts());
    }
}
