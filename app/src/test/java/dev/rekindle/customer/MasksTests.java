package dev.rekindle.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MasksTests {

    @Test
    void shouldMaskMobilesKeepingPrefixAndLastFour() {
        assertEquals("138****1234", Masks.mobile("13812341234"));
        assertEquals("138****1234", Masks.mobile("+86 138 1234 1234"));
        assertEquals("138****1234", Masks.mobile("138****1234"), "already masked stays");
        assertEquals("****5678", Masks.mobile("12345678"));
        assertEquals("", Masks.mobile(null));
        assertEquals("139****1111-1234", Masks.mobile("13900001111-1234"), "a virtual number keeps its extension");
        assertEquals("170****1111转5678", Masks.mobile("17000001111转5678"));
    }

    @Test
    void shouldMaskAnAddressOfAPluginKindKeepingTwoCharactersEachEnd() {
        assertEquals("U4***e1", Masks.other("U4af4980629a1b2c3d4e5f6a7b8c9d0e1"));
        assertEquals("钉钉***张三", Masks.other("钉钉用户manager张三"));
        assertEquals("***", Masks.other("abcdef"), "short ids are hidden entirely");
        assertEquals("U4***e1", dev.rekindle.channel.Addresses.mask(dev.rekindle.api.ContactKind.of("line"),
                "U4af4980629a1b2c3d4e5f6a7b8c9d0e1"));
    }

    @Test
    void shouldMaskEmailAndWechat() {
        assertEquals("zh***@qq.com", Masks.email("zhangwei88@qq.com"));
        assertEquals("a***@163.com", Masks.email("ab@163.com"));
        assertEquals("wxid_***xyz", Masks.wechat("wxid_abc123xyz"));
        assertEquals("王**", Masks.name("王小明"));
    }
}
