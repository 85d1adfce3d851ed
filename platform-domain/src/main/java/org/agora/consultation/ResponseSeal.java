package org.agora.consultation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that seals the responses of anonymous consultations while they are open: AES-256 in GCM mode (the JDK's
 * own), a fresh random nonce for each response, the consultation's id bound as associated data so a sealed
 * response cannot be moved to another consultation. The key lives in the app's configuration, never in the
 * database, so a copy of the database (dump, replica, WAL archive, backup) holds only sealed bytes.
 */
public final class ResponseSeal {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private ResponseSeal(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the response sealing key must be 32 bytes (256 bits), it has "
                    + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key as the configuration holds it: 32 random bytes in base64 ({@code openssl rand -base64 32}). */
    public static ResponseSeal fromBase64(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("no response sealing key configured");
        }
        return new ResponseSeal(Base64.getDecoder().decode(key.strip()));
    }

    /** Nonce, then the ciphertext with its tag. */
    byte[] seal(long consultationId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(consultationId));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a response", e);
        }
    }

    /** The plain bytes; refuses bytes sealed with another key, for another consultation, or altered. */
    byte[] open(long consultationId, byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(consultationId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed response of consultation " + consultationId
                    + " does not open with the configured key (agora.consultation.sealing-key)", e);
        }
    }

    private static byte[] associatedData(long consultationId) {
        return ("agora consultation response " + consultationId).getBytes(StandardCharsets.US_ASCII);
    }
}
