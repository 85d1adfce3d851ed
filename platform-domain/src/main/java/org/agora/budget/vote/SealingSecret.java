package org.agora.budget.vote;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The operators' secret from which each envelope's election key is derived (with the envelope's salt, kept in the
 * database): {@code agora.ballots.sealing-secret}, base64, at least 32 random bytes. It is never stored by the
 * platform, never logged, and all instances must share it.
 */
public final class SealingSecret {

    /** The configuration key (environment variable {@code AGORA_BALLOTS_SEALING_SECRET}). */
    public static final String KEY = "agora.ballots.sealing-secret";

    static final int MIN_BYTES = 32;

    private final byte[] bytes;

    private SealingSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The secret written as base64; refused (with the reason, never the value) when it is not one or is too short. */
    public static SealingSecret of(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + " is not base64");
        }
        if (decoded.length < MIN_BYTES) {
            throw new IllegalArgumentException(KEY + " has " + decoded.length + " bytes; at least " + MIN_BYTES + " are needed");
        }
        return new SealingSecret(decoded);
    }

    /**
     * The secret configured outside a container, as MicroProfile Config would find it there: the system property
     * {@value #KEY}, else the environment variable {@code AGORA_BALLOTS_SEALING_SECRET}; empty when neither is set.
     */
    static Optional<SealingSecret> fromSystem() {
        String value = System.getProperty(KEY);
        if (value == null || value.isBlank()) {
            value = System.getenv("AGORA_BALLOTS_SEALING_SECRET");
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealingSecret s && java.security.MessageDigest.isEqual(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SealingSecret[hidden]";
    }
}
