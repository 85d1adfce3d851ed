package org.agora.audience;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recognises a visitor within one day without keeping who they are: a 64-bit HMAC-SHA256 of their IP address and
 * {@code User-Agent} under a salt of 32 random bytes drawn for that day, held in this object only and replaced (its
 * bytes overwritten) on the first visit of the next day. The same visitor gets the same number all day; the next day
 * another one that nothing links to the first, since the old salt is gone. Neither the salt nor the numbers are ever
 * written anywhere.
 */
public final class VisitorHash {

    private final SecureRandom random;
    private volatile Salt salt;

    public VisitorHash(SecureRandom random) {
        this.random = random;
    }

    /** This visitor's number on this day. */
    public long of(LocalDate day, String address, String userAgent) {
        Salt current = saltOf(day);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(current.bytes, "HmacSHA256"));
            mac.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal()).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The salt of the day; a request still counted for the day before, at midnight, takes the new day's. */
    private Salt saltOf(LocalDate day) {
        Salt current = salt;
        if (current != null && !current.day.isBefore(day)) {
            return current;
        }
        synchronized (this) {
            current = salt;
            if (current != null && !current.day.isBefore(day)) {
                return current;
            }
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            salt = new Salt(day, bytes);
            if (current != null) {
                Arrays.fill(current.bytes, (byte) 0);
            }
            return salt;
        }
    }

    private record Salt(LocalDate day, byte[] bytes) {
    }
}
