package dev.rekindle.plugins.sms;

import dev.rekindle.fakes.AliyunSmsFake;
import dev.rekindle.plugintest.ChannelKit;
import dev.rekindle.plugintest.ChannelUnderTest;
import dev.rekindle.plugintest.KitProvider;
import java.util.Map;

/**
 * The shipped (shaded) jar through the plugin kit, against the loopback Aliyun fake: it checks signatures
 * and parameters as Aliyun does, and its QuerySendDetails settles what a kill left unknown.
 */
class SmsKitIT extends ChannelKit {

    @Override
    protected ChannelUnderTest channel() {
        return ChannelUnderTest.channel("sms").provider(() -> {
            AliyunSmsFake fake = new AliyunSmsFake(0).account("kit-key-id", "kit-secret-5b2e81");
            return KitProvider.of(fake, f -> Map.of("endpoint", f.baseUrl(), "access-key-id", "kit-key-id",
                    "access-key-secret", "kit-secret-5b2e81", "sign-name", "暖心小铺", "template-code", "SMS_100",
                    "timeout-ms", "2000"), fake::countsByOutId);
        });
    }
}
