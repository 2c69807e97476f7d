package dev.rekindle.plugins.taobaogroup;

import dev.rekindle.plugintest.ChannelKit;
import dev.rekindle.plugintest.ChannelUnderTest;
import java.util.Map;

/** The shipped jar through the plugin kit, posting to the kit's webhook fake (the group automation tool). */
class TaobaoGroupKitIT extends ChannelKit {

    @Override
    protected ChannelUnderTest channel() {
        return ChannelUnderTest.channel("taobao-group")
                .webhook(fake -> Map.of("webhook-url", fake.url("/groups/post"), "webhook-token", "kit-token-7f3a9c", "timeout-ms", "2000"));
    }
}
