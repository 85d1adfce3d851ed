package org.agora.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.agora.shared.UnavailableException;

/**
 * The tokens of the one-click unsubscribe links: {@code <person>.<KIND>.<signature>}, the person's username in
 * base64url, the kind's name, and an HMAC-SHA256 of both under the operators' secret ({@value #KEY}, base64, at least
 * 32 bytes; no default: without it mails wait in the outbox and unsubscribing is unavailable). A token whose person,
 * kind or signature was changed, or made with another secret, is refused. A token does not expire: an old mail's link
 * keeps working, and all it can do is stop mails of one kind to one person.
 */
public final class UnsubscribeLinks {

    /** The configuration key (environment variable {@code AGORA_NOTIFICATIONS_LINK_SECRET}). */
    public static final String KEY = "agora.notifications.link-secret";

    static final int MIN_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Whose mails of which kind a valid token stops. */
    public record Subject(String person, NotificationKind kind) {
    }

    private final byte[] secret;

    private UnsubscribeLinks(byte[] secret) {
        this.secret = secret;
    }

    /** Links signed with this secret (base64); refused, with the reason but never the value, when it is not one or is too short. */
    public static UnsubscribeLinks withSecret(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + " is not base64");
        }
        if (decoded.length < MIN_BYTES) {
            throw new IllegalArgumentException(KEY + " has " + decoded.length + " bytes; at least " + MIN_BYTES + " are needed");
        }
        return new UnsubscribeLinks(decoded);
    }

    /** No secret configured: every signing and check is unavailable (the mails wait, the office sees why). */
    public static UnsubscribeLinks unconfigured() {
        return new UnsubscribeLinks(null);
    }

    public boolean isConfigured() {
        return secret != null;
    }

    /** The token that stops this person's mails of this kind. */
    public String sign(String person, NotificationKind kind) {
        String payload = ENCODER.encodeToString(person.getBytes(StandardCharsets.UTF_8)) + "." + kind.name();
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    /** Whose mails of which kind the token stops; empty for a malformed, altered or foreign token. */
    public Optional<Subject> verify(String token) {
        byte[] key = requireSecret();
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String payload = parts[0] + "." + parts[1];
            byte[] given = DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(given, mac(key, payload))) {
                return Optional.empty();
            }
            String person = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            return Optional.of(new Subject(person, NotificationKind.valueOf(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        return mac(requireSecret(), payload);
    }

    private static byte[] mac(byte[] key, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(("agora-unsubscribe\n" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private byte[] requireSecret() {
        if (secret == null) {
            throw new UnavailableException("notification.linkSecretMissing");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "UnsubscribeLinks[" + (secret == null ? "no secret" : "secret hidden") + "]";
    }
}
