package org.agora.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.agora.shared.EndedSignIns.Ended;
import org.agora.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/**
 * The ended Keycloak sessions stored: read back from a time on, noted once however often Keycloak says so, forgotten
 * when old. Run on H2 and PostgreSQL by the subclasses.
 */
abstract class EndedSignInsPersistenceContract extends DatabaseTest {

    private static final Instant NINE = Instant.parse("2027-03-01T09:00:00Z");

    private void note(String session, Instant at) {
        db().inTransaction(em -> {
            new EndedSignIns(em).note(new Ended(session, at));
            return null;
        });
    }

    private List<Ended> since(Instant since) {
        List<Ended> ended = db().inTransaction(em -> new EndedSignIns(em).since(since));
        return ended;
    }

    @Test
    void theSessionsEndedFromATimeOnAreReadBackOldestFirst() {
        note("b-0002", NINE.plusSeconds(20));
        note("a-0001", NINE.plusSeconds(10));
        note("c-0003", NINE.plusSeconds(30));

        assertThat(since(NINE.plusSeconds(20))).containsExactly(new Ended("b-0002", NINE.plusSeconds(20)),
                new Ended("c-0003", NINE.plusSeconds(30)));
        assertThat(since(NINE)).extracting(Ended::sessionId).containsExactly("a-0001", "b-0002", "c-0003");
    }

    @Test
    void aSessionNotedTwiceIsKeptOnceWithItsFirstTime() {
        note("a-0001", NINE);
        note("a-0001", NINE.plusSeconds(5));

        assertThat(since(NINE.minusSeconds(60))).containsExactly(new Ended("a-0001", NINE));
    }

    @Test
    void theOldSessionsAreForgottenAndTheRecentOnesKept() {
        note("old", NINE.minusSeconds(86_400));
        note("recent", NINE);

        int forgotten = db().inTransaction(em -> new EndedSignIns(em).forget(NINE.minusSeconds(3_600)));

        assertThat(forgotten).isEqualTo(1);
        assertThat(since(Instant.EPOCH)).extracting(Ended::sessionId).containsExactly("recent");
    }

    @Test
    void anIdThatCannotBeKeycloaksIsRefusedBeforeTheDatabase() {
        assertThatThrownBy(() -> new Ended("x".repeat(EndedSignIns.MAX_ID_LENGTH + 1), NINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ended(" ", NINE)).isInstanceOf(IllegalArgumentException.class);
    }
}
