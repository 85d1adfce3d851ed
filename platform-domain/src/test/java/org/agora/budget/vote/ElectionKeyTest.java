package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.agora.budget.counting.ProjectId;
import org.agora.shared.UnavailableException;
import org.junit.jupiter.api.Test;

class ElectionKeyTest {

    static final SealingSecret SECRET = secret("the city's sealing secret, 32 bytes at least!");
    static final SealingSecret OTHER = secret("another secret, from another city or a mistake");

    static SealingSecret secret(String text) {
        return SealingSecret.of(Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Map<ProjectId, Long> points(long... projectsThenPoints) {
        Map<ProjectId, Long> points = new LinkedHashMap<>();
        for (int i = 0; i < projectsThenPoints.length; i += 2) {
            points.put(new ProjectId(String.valueOf(projectsThenPoints[i])), projectsThenPoints[i + 1]);
        }
        return points;
    }

    private static ElectionKey key(long envelope, int capacity) {
        return ElectionKey.create(envelope, capacity, SECRET, new SecureRandom());
    }

    @Test
    void aSealedBallotOpensWithTheSecretIntoWhatWasChosen() {
        ElectionKey key = key(7, 8);
        Map<ProjectId, Long> chosen = points(50, 1, 100, 3, 2_000_000_000_000L, 2);

        SealedBallot sealed = key.seal(chosen, Channel.ONLINE);

        assertThat(key.opening(SECRET).open(sealed, Channel.ONLINE)).isEqualTo(chosen);
        assertThat(key.opening(SECRET).open(key.seal(Map.of(), Channel.DESK), Channel.DESK)).isEmpty();
    }

    @Test
    void anotherSecretCannotOpenASealedBallotNorSealToTheKey() {
        ElectionKey key = key(7, 8);
        SealedBallot sealed = key.seal(points(50, 1), Channel.ONLINE);
        ElectionKey asStored = ElectionKey.stored(7, key.salt(), key.publicKey(), key.capacity());

        assertThatThrownBy(() -> asStored.opening(OTHER)).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("budget.seal.wrongSecret");
        assertThatThrownBy(() -> asStored.checkedWith(OTHER)).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("budget.seal.wrongSecret");
        assertThat(asStored.checkedWith(SECRET).opening(SECRET).open(sealed, Channel.ONLINE)).isEqualTo(points(50, 1));
    }

    @Test
    void aKeyPutInTheDatabaseByAnAttackerIsRefused() {
        ElectionKey theirs = ElectionKey.create(7, 8, OTHER, new SecureRandom());
        ElectionKey ours = key(7, 8);
        // their public key with our salt: our secret does not derive it, so nothing is sealed to it
        ElectionKey swapped = ElectionKey.stored(7, ours.salt(), theirs.publicKey(), 8);

        assertThatThrownBy(() -> swapped.checkedWith(SECRET)).isInstanceOf(UnavailableException.class)
                .hasMessageStartingWith("budget.seal.wrongSecret");
    }

    @Test
    void theSameSecretAndSaltGiveTheSameKeyAndEachEnvelopeItsOwn() {
        ElectionKey key = key(7, 8);

        assertThat(ElectionKey.stored(7, key.salt(), key.publicKey(), 8).checkedWith(SECRET).publicKey())
                .isEqualTo(key.publicKey());
        assertThatThrownBy(() -> ElectionKey.stored(8, key.salt(), key.publicKey(), 8).checkedWith(SECRET))
                .as("the envelope is part of the derivation").isInstanceOf(UnavailableException.class);
        assertThat(key(7, 8).publicKey()).as("a new salt, a new key").isNotEqualTo(key.publicKey());
    }

    @Test
    void everySealedBallotOfAnEnvelopeHasTheSameLengthWhateverItChose() {
        ElectionKey key = key(7, 6);
        Set<Integer> lengths = new HashSet<>();

        lengths.add(key.seal(Map.of(), Channel.ONLINE).length());
        lengths.add(key.seal(points(1, 1), Channel.ONLINE).length());
        lengths.add(key.seal(points(1, 1, 2, 1, 3, 1), Channel.DESK).length());
        lengths.add(key.seal(points(1, 6, 2, 5, 3, 4, 4, 3, 5, 2, 6, 1), Channel.ONLINE).length());

        assertThat(lengths).containsExactly(key.sealedLength());
        assertThatThrownBy(() -> key.seal(points(1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1), Channel.ONLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSealsOfTheSameBallotDiffer() {
        ElectionKey key = key(7, 3);

        assertThat(key.seal(points(1, 1), Channel.ONLINE).bytes()).isNotEqualTo(key.seal(points(1, 1), Channel.ONLINE).bytes());
    }

    @Test
    void aSealedBallotAlteredOrMovedToAnotherChannelOrEnvelopeDoesNotOpen() {
        ElectionKey key = key(7, 3);
        SealedBallot sealed = key.seal(points(1, 1), Channel.ONLINE);
        byte[] altered = sealed.bytes();
        altered[altered.length - 20] ^= 1;
        ElectionKey.Opening opening = key.opening(SECRET);

        assertThatThrownBy(() -> opening.open(new SealedBallot(altered), Channel.ONLINE))
                .isInstanceOf(UnavailableException.class).hasMessageStartingWith("budget.seal.unreadable");
        assertThatThrownBy(() -> opening.open(sealed, Channel.DESK)).isInstanceOf(UnavailableException.class);
        ElectionKey sameSaltOtherEnvelope = ElectionKey.create(8, 3, SECRET, new SecureRandom());
        assertThatThrownBy(() -> sameSaltOtherEnvelope.opening(SECRET).open(sealed, Channel.ONLINE))
                .isInstanceOf(UnavailableException.class);
    }

    @Test
    void aSecretMustBeBase64OfAtLeast32BytesAndIsNeverPrinted() {
        assertThatThrownBy(() -> SealingSecret.of(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> SealingSecret.of("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SECRET.toString()).doesNotContain("city");
    }

    @Test
    void withoutASecretNothingIsSealed() {
        assertThatThrownBy(() -> new ElectionKeys(java.util.Optional.empty()).secret())
                .isInstanceOf(UnavailableException.class).hasMessageStartingWith("budget.seal.noSecret");
    }
}
