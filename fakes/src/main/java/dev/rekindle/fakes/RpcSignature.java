package dev.rekindle.fakes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aliyun's RPC signature as its documentation defines it, written independently of the SMS plugin so
 * that the fake catches a plugin that signs wrongly: parameters except {@code Signature} sorted by name,
 * names and values RFC 3986-encoded, joined into {@code METHOD&%2F&encode(query)}, HMAC-SHA1 with key
 * {@code secret + "&"}, Base64.
 */
public final class RpcSignature {

    private RpcSignature() {
    }

    public static String stringToSign(String method, Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(params).entrySet()) {
            if (e.getKey().equals("Signature")) continue;
            if (query.length() > 0) query.append('&');
            query.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        return method + "&" + encode("/") + "&" + encode(query.toString());
    }

    public static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986: unreserved characters stay, everything else is %XY of its UTF-8 bytes (space is %20). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
