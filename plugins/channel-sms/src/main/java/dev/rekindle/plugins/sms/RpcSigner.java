package dev.rekindle.plugins.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Aliyun's RPC signature (SignatureVersion 1.0): every parameter but {@code Signature}, sorted by name,
 * names and values percent-encoded by RFC 3986, joined with {@code &}; the string to sign is
 * {@code METHOD + "&" + encode("/") + "&" + encode(that query)}; the signature is
 * Base64(HMAC-SHA1(secret + "&", string to sign)).
 */
final class RpcSigner {

    private RpcSigner() {
    }

    static String stringToSign(String method, Map<String, String> params) {
        return method + "&" + encode("/") + "&" + encode(canonicalQuery(params));
    }

    static String canonicalQuery(Map<String, String> params) {
        SortedMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        StringBuilder sb = new StringBuilder();
        sorted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return sb.toString();
    }

    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /**
     * RFC 3986 percent-encoding. {@code URLEncoder} does form encoding, which differs in three places:
     * space (+ → %20), {@code *} (kept → %2A) and {@code ~} (%7E → kept).
     */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
