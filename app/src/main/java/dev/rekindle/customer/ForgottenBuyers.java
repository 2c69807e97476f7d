package dev.rekindle.customer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The buyers erased on request, remembered as keyed hashes only, so that imports can leave them out:
 * the shop's next export still lists the person's old orders, and importing it must not bring them back.
 * The key is random per database (settings 'privacy.forget-key'); the buyer id itself is never stored.
 */
@Component
public class ForgottenBuyers {

    static final String KEY_SETTING = "privacy.forget-key";

    /** Whether a buyer id was forgotten; {@link #NOBODY} when nobody was (the common case costs nothing). */
    public interface Check {
        boolean forgotten(String buyerId);

        default boolean anyone() {
            return true;
        }
    }

    public static final Check NOBODY = new Check() {
        @Override
        public boolean forgotten(String buyerId) {
            return false;
        }

        @Override
        public boolean anyone() {
            return false;
        }
    };

    private final JdbcClient jdbc;

    public ForgottenBuyers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers an erased buyer (call inside the erasure's transaction). */
    void remember(String buyerId, String now) {
        jdbc.sql("INSERT OR IGNORE INTO forgotten_buyers(buyer_hash, forgotten_at) VALUES (?, ?)")
                .params(hash(key(true), buyerId), now).update();
    }

    /** The current list, for one import (read inside the import's transaction). */
    public Check load() {
        List<String> hashes = jdbc.sql("SELECT buyer_hash FROM forgotten_buyers").query(String.class).list();
        if (hashes.isEmpty()) {
            return NOBODY;
        }
        byte[] key = key(false);
        Set<String> set = new HashSet<>(hashes);
        // hashes written before ids were folded to lower case match the id as it was written
        return buyerId -> buyerId != null && (set.contains(hash(key, buyerId)) || set.contains(legacyHash(key, buyerId)));
    }

    private byte[] key(boolean create) {
        String stored = jdbc.sql("SELECT value FROM settings WHERE key = ?").param(KEY_SETTING).query(String.class)
                .optional().orElse(null);
        if (stored == null) {
            if (!create) {
                throw new IllegalStateException("forgotten buyers without " + KEY_SETTING);
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            stored = Base64.getEncoder().encodeToString(fresh);
            jdbc.sql("INSERT INTO settings(key, value) VALUES (?, ?)").params(KEY_SETTING, stored).update();
        }
        return Base64.getDecoder().decode(stored);
    }

    /**
     * The keyed hash of a buyer id folded to lower case: Taobao/Tmall member names and e-mail-like ids are
     * case-insensitive on the platforms, so {@code TB_Alice} in next month's export is the person who asked
     * to be forgotten as {@code tb_alice}. Folding can only make more ids count as forgotten, never fewer:
     * the safe side for an erasure. Hashes stored before the folding cannot be recomputed (the ids are not
     * kept), so imports also try the id as written ({@link #legacyHash}); no migration is needed.
     */
    static String hash(byte[] key, String buyerId) {
        return legacyHash(key, buyerId.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static String legacyHash(byte[] key, String buyerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(buyerId.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
