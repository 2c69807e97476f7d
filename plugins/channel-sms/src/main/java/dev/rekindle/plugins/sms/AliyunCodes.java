package dev.rekindle.plugins.sms;

import dev.rekindle.api.DeliveryResult;
import java.time.Duration;
import java.util.Set;

/**
 * What Aliyun's answer codes mean for one message. Three kinds:
 * <ul>
 * <li>the gateway is busy or throttling — try the same message later;</li>
 * <li>the account or the channel's setup is wrong (balance, key, signature, template) — nothing is wrong
 *     with the message: also "later", so that the host stops the run and nothing is marked failed that
 *     would go through once the setup is fixed;</li>
 * <li>this message will not go through (bad number, today's per-number limit, rejected content) — permanent.</li>
 * </ul>
 * Codes not listed are permanent, recorded with Aliyun's own code and message.
 */
final class AliyunCodes {

    static final Set<String> BUSY = Set.of(
            "Throttling", "Throttling.User", "Throttling.Api", "Throttling.Tenant", "ServiceUnavailable",
            "InternalError", "isp.SYSTEM_ERROR", "isp.GATEWAY_ERROR", "SignatureNonceUsed");

    static final Set<String> SETUP = Set.of(
            "SignatureDoesNotMatch", "InvalidAccessKeyId.NotFound", "InvalidAccessKeyId.Inactive",
            "InvalidTimeStamp.Expired", "isp.RAM_PERMISSION_DENY", "isv.OUT_OF_SERVICE", "isv.PRODUCT_UN_SUBSCRIPT",
            "isv.PRODUCT_UNSUBSCRIBE", "isv.ACCOUNT_NOT_EXISTS", "isv.ACCOUNT_ABNORMAL", "isv.AMOUNT_NOT_ENOUGH",
            "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGNATURE_SCENE_ILLEGAL",
            "isv.DENY_IP_RANGE", "isv.TEMPLATE_MISSING_PARAMETERS", "isv.INVALID_JSON_PARAM",
            "isv.SECURITY_FROZEN_ACCOUNT", "InvalidVersion", "InvalidAction.NotFound");

    /** How long to wait after throttling when Aliyun gives no hint. */
    static final Duration THROTTLE_PAUSE = Duration.ofSeconds(1);

    private AliyunCodes() {
    }

    static DeliveryResult failure(String code, String message) {
        // SignatureDoesNotMatch quotes the whole string Aliyun signed: the key id and the phone numbers
        int quoted = message.indexOf("server string to sign is");
        String detail = code + ": " + (quoted >= 0 ? message.substring(0, quoted).strip() : message);
        if (BUSY.contains(code)) {
            return DeliveryResult.transientFailure(code, detail, code.startsWith("Throttling") ? THROTTLE_PAUSE : null);
        }
        if (SETUP.contains(code) || code.startsWith("Missing")) {
            return DeliveryResult.transientFailure(code, detail + " — fix the channel-sms settings or the Aliyun account, then resume", null);
        }
        // isv.BUSINESS_LIMIT_CONTROL / DAY_LIMIT_CONTROL: this number has had its quota for today; sending
        // again today fails the same way, and tomorrow the message is stale: permanent.
        return DeliveryResult.permanentFailure(code, detail);
    }
}
