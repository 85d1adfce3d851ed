package org.agora.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an authenticator app shows: the time-based one-time code (RFC 6238, the realm's policy: HMAC-SHA1, 6 digits,
 * 30 seconds) of the secret Keycloak gave when the second factor was set up.
 */
final class OneTimeCodes {

    private OneTimeCodes() {
    }

    /** The code of this secret (as Keycloak's setup page holds it) at this moment. */
    static String code(String secret, Instant at) {
        long step = at.getEpochSecond() / 30;
        byte[] counter = new byte[8];
        for (int i = 7; i >= 0; i--) {
            counter[i] = (byte) step;
            step >>>= 8;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
            byte[] hash = mac.doFinal(counter);
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code that is not this secret's now, nor a step before or after (Keycloak accepts a step of drift). */
    static String wrong(String secret, Instant at) {
        java.util.Set<String> valid = java.util.Set.of(code(secret, at.minusSeconds(30)), code(secret, at),
                code(secret, at.plusSeconds(30)));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
