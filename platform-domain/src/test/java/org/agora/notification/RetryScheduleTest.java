package org.agora.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

    @Test
    void waitDoublesAfterEachFailureUpToTheLongest() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(schedule::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    }

    @Test
    void nextAttemptIsTheFailureTimePlusTheWait() {
        assertThat(RetrySchedule.DEFAULT.nextAttempt(3, NOW)).contains(NOW.plus(Duration.ofMinutes(4)));
    }

    @Test
    void afterTheLastAttemptTheMailIsGivenUp() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofMinutes(5), 3);
        assertThat(schedule.nextAttempt(2, NOW)).isPresent();
        assertThat(schedule.nextAttempt(3, NOW)).isEmpty();
    }

    @Test
    void aHugeNumberOfFailuresDoesNotOverflow() {
        assertThat(RetrySchedule.DEFAULT.delayAfter(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void scheduleWithoutWaitOrAttemptsIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetrySchedule.DEFAULT.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
