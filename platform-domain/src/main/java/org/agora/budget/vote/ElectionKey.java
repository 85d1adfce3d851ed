package org.agora.budget.vote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.UnavailableException;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * An envelope's election key: the X25519 key pair its ballots are sealed to, derived with HKDF-SHA256 from the
 * operators' {@link SealingSecret} and a random salt made for the envelope. The database keeps the salt and the public
 * key, never the private key, which only the secret can derive again. Ballots are sealed with HPKE (RFC 9180, base
 * mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, BouncyCastle's implementation); the associated data
 * binds each to its envelope and channel, and its content is padded to the key's capacity (the most projects a valid
 * ballot of the envelope can name: {@link VotingRule#mostChoices}), so every sealed ballot of an envelope has the same
 * length. A secret that does not derive the stored public key is refused:
 * nothing is sealed to a key nobody could open, and nothing is opened into garbage.
 */
final class ElectionKey {

    static final int SALT_BYTES = 32;

    /** Format of the sealed content; part of the associated data and the derivation, so a change cannot be mixed up. */
    private static final byte VERSION = 1;
    private static final byte[] INFO = "agora ballot v1".getBytes(StandardCharsets.US_ASCII);
    /** A choice in the content: the project's id and its votes or points. */
    private static final int CHOICE_BYTES = Long.BYTES + Integer.BYTES;
    private static final int HEADER_BYTES = 1 + Short.BYTES;
    private static final int TAG_BYTES = 16;

    private final long envelopeId;
    private final byte[] salt;
    private final byte[] publicKey;
    private final int capacity;

    private ElectionKey(long envelopeId, byte[] salt, byte[] publicKey, int capacity) {
        if (capacity < 0 || capacity > Short.MAX_VALUE) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.envelopeId = envelopeId;
        this.salt = salt.clone();
        this.publicKey = publicKey.clone();
        this.capacity = capacity;
    }

    /** A new key for the envelope, whose ballots name at most {@code capacity} projects. */
    static ElectionKey create(long envelopeId, int capacity, SealingSecret secret, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        HPKE hpke = hpke();
        return new ElectionKey(envelopeId, salt, hpke.serializePublicKey(pair(hpke, secret, envelopeId, salt).getPublic()),
                capacity);
    }

    /** The key as stored; see {@link #checkedWith} before trusting its public key. */
    static ElectionKey stored(long envelopeId, byte[] salt, byte[] publicKey, int capacity) {
        return new ElectionKey(envelopeId, salt, publicKey, capacity);
    }

    /** This key, once the secret is shown to derive its public key; refused otherwise ({@code budget.seal.wrongSecret}). */
    ElectionKey checkedWith(SealingSecret secret) {
        opening(secret);
        return this;
    }

    long envelopeId() {
        return envelopeId;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    int capacity() {
        return capacity;
    }

    /** The length of every ballot sealed to this key. */
    int sealedLength() {
        return hpke().getEncSize() + contentLength() + TAG_BYTES;
    }

    /** Seals a ballot's votes or points per project, for this channel; only the key's secret opens it. */
    SealedBallot seal(Map<ProjectId, Long> points, Channel channel) {
        HPKE hpke = hpke();
        try {
            byte[][] sealed = hpke.seal(hpke.deserializePublicKey(publicKey), INFO, associatedData(channel),
                    content(points), null, null, null);
            byte[] ciphertext = sealed[0];
            byte[] encapsulated = sealed[1];
            byte[] bytes = Arrays.copyOf(encapsulated, encapsulated.length + ciphertext.length);
            System.arraycopy(ciphertext, 0, bytes, encapsulated.length, ciphertext.length);
            return new SealedBallot(bytes);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** What opens this key's ballots, refused when the secret does not derive this key ({@code budget.seal.wrongSecret}). */
    Opening opening(SealingSecret secret) {
        HPKE hpke = hpke();
        AsymmetricCipherKeyPair pair = pair(hpke, secret, envelopeId, salt);
        if (!MessageDigest.isEqual(hpke.serializePublicKey(pair.getPublic()), publicKey)) {
            throw new UnavailableException("budget.seal.wrongSecret", envelopeId);
        }
        return new Opening(pair);
    }

    /** Opens the sealed ballots of one election key. */
    final class Opening {

        private final AsymmetricCipherKeyPair pair;

        private Opening(AsymmetricCipherKeyPair pair) {
            this.pair = pair;
        }

        /** The votes or points per project of a ballot sealed to this key for this channel; refused when altered. */
        Map<ProjectId, Long> open(SealedBallot sealed, Channel channel) {
            return choices(sealed, channel).points();
        }

        /**
         * As {@link #open}, the choices kept as two arrays (what the count writes; a million ballots' maps of project
         * ids would fill the heap). Safe to call from several threads at once: the count opens on every core.
         */
        Choices choices(SealedBallot sealed, Channel channel) {
            HPKE hpke = hpke();
            byte[] bytes = sealed.bytes();
            int enc = hpke.getEncSize();
            if (bytes.length != sealedLength()) {
                throw unreadable();
            }
            try {
                byte[] content = hpke.open(Arrays.copyOf(bytes, enc), pair, INFO, associatedData(channel),
                        Arrays.copyOfRange(bytes, enc, bytes.length), null, null, null);
                return choicesOf(content);
            } catch (InvalidCipherTextException | IllegalArgumentException e) {
                throw unreadable();
            }
        }

        private UnavailableException unreadable() {
            return new UnavailableException("budget.seal.unreadable", envelopeId);
        }
    }

    private int contentLength() {
        return HEADER_BYTES + CHOICE_BYTES * capacity;
    }

    /** Version, number of choices, the choices, then zeros up to the envelope's fixed length. */
    private byte[] content(Map<ProjectId, Long> points) {
        if (points.size() > capacity) {
            throw new IllegalArgumentException(points.size() + " choices for a ballot of " + capacity + " projects");
        }
        ByteBuffer content = ByteBuffer.allocate(contentLength());
        content.put(VERSION).putShort((short) points.size());
        points.forEach((project, votes) -> content.putLong(Long.parseLong(project.value())).putInt(Math.toIntExact(votes)));
        return content.array();
    }

    /** A ballot's choices as opened: the projects' ids and their votes or points, in the ballot's order. */
    record Choices(long[] projects, int[] votes) {

        Map<ProjectId, Long> points() {
            Map<ProjectId, Long> points = new LinkedHashMap<>();
            for (int i = 0; i < projects.length; i++) {
                points.put(new ProjectId(String.valueOf(projects[i])), (long) votes[i]);
            }
            return points;
        }
    }

    private static Choices choicesOf(byte[] content) {
        ByteBuffer in = ByteBuffer.wrap(content);
        int count = in.get() == VERSION ? in.getShort() : -1;
        if (count < 0 || HEADER_BYTES + (long) count * CHOICE_BYTES > content.length) {
            throw new IllegalArgumentException("not a sealed ballot's content");
        }
        long[] projects = new long[count];
        int[] votes = new int[count];
        for (int i = 0; i < count; i++) {
            projects[i] = in.getLong();
            votes[i] = in.getInt();
        }
        while (in.hasRemaining()) {
            if (in.get() != 0) {
                throw new IllegalArgumentException("not a sealed ballot's padding");
            }
        }
        return new Choices(projects, votes);
    }

    /** Binds a sealed ballot to its envelope, channel and key: moved to another one, it no longer opens. */
    private byte[] associatedData(Channel channel) {
        byte[] name = channel.name().getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + Long.BYTES + publicKey.length + name.length)
                .put(VERSION).putLong(envelopeId).put(publicKey).put(name).array();
    }

    private static AsymmetricCipherKeyPair pair(HPKE hpke, SealingSecret secret, long envelopeId, byte[] salt) {
        byte[] info = ("agora election key v1, envelope " + envelopeId).getBytes(StandardCharsets.US_ASCII);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        byte[] secretBytes = secret.bytes();
        hkdf.init(new HKDFParameters(secretBytes, salt, info));
        byte[] seed = new byte[32];
        hkdf.generateBytes(seed, 0, seed.length);
        try {
            return hpke.deriveKeyPair(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(secretBytes, (byte) 0);
        }
    }

    private static HPKE hpke() {
        return new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
    }
}
