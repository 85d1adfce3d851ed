package org.agora.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.agora.shared.EndedSignIns;
import org.junit.jupiter.api.Test;

/**
 * A Keycloak session ended on one instance's word ends on every instance: at once on the one told, on the others at
 * their next reading of the shared store; and what ended more than a day ago is forgotten, here and in the store.
 */
class EndedKeycloakSessionsTest {

    /** The database table the instances share, in memory. */
    private static final class SharedStore extends EndedSignIns {
        final List<Ended> rows = new ArrayList<>();

        @Override
        public synchronized void note(Ended ended) {
            if (rows.stream().noneMatch(r -> r.sessionId().equals(ended.sessionId()))) {
                rows.add(ended);
            }
        }

        @Override
        public synchronized List<Ended> since(Instant since) {
            return rows.stream().filter(r -> !r.at().isBefore(since)).toList();
        }

        @Override
        public synchronized int forget(Instant before) {
            int size = rows.size();
            rows.removeIf(r -> r.at().isBefore(before));
            return size - rows.size();
        }
    }

    private final SharedStore store = new SharedStore();
    private final MovingClock clock = new MovingClock(Instant.parse("2027-03-01T09:00:00Z"));
    private final EndedKeycloakSessions told = new EndedKeycloakSessions(store, clock);
    private final EndedKeycloakSessions other = new EndedKeycloakSessions(store, clock);

    @Test
    void theInstanceToldEndsTheSessionAtOnceAndTheOthersAtTheirNextReading() {
        other.catchUp();
        clock.advance(Duration.ofSeconds(1));

        told.end("s-1");

        assertThat(told.ended("s-1")).isTrue();
        assertThat(other.ended("s-1")).isFalse();
        clock.advance(Duration.ofSeconds(5));
        other.catchUp();
        assertThat(other.ended("s-1")).isTrue();
        assertThat(other.ended("s-2")).isFalse();
        assertThat(other.ended(null)).isFalse();
    }

    @Test
    void aSessionNotedJustBeforeAReadingCommittedLateIsNotMissed() {
        other.catchUp();
        // noted with a time before the other's last reading (its transaction committed after that reading)
        store.note(new EndedSignIns.Ended("late", clock.instant().minusSeconds(10)));
        clock.advance(Duration.ofSeconds(5));

        other.catchUp();

        assertThat(other.ended("late")).isTrue();
    }

    @Test
    void whatEndedMoreThanADayAgoIsForgottenHereAndInTheStore() {
        told.end("old");
        clock.advance(EndedKeycloakSessions.KEPT.plus(Duration.ofMinutes(1)));
        told.end("recent");

        told.catchUp();

        assertThat(told.ended("old")).isFalse();
        assertThat(told.ended("recent")).isTrue();
        assertThat(store.rows).extracting(EndedSignIns.Ended::sessionId).containsExactly("recent");
    }
}
