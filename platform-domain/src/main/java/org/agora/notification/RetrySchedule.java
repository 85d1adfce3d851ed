package org.agora.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a mail that could not be sent is tried again: after {@code first}, then twice as long after each failure, never
 * more than {@code longest}; after {@code maxAttempts} failed attempts it is given up (and shown to the office).
 * With the defaults: 1, 2, 4, 8, 16, 32 minutes, then 1 h, 1 h: eight attempts over about three hours.
 */
public record RetrySchedule(Duration first, Duration longest, int maxAttempts) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMinutes(1), Duration.ofHours(1), 8);

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a retry schedule needs 0 < first <= longest and at least one attempt");
        }
    }

    /** The wait after the n-th failed attempt (n from 1). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no attempt failed yet");
        }
        Duration delay = first;
        for (int i = 1; i < failedAttempts && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** When to try again after this many failed attempts, or empty when it is time to give up. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant failedAt) {
        return failedAttempts >= maxAttempts ? Optional.empty() : Optional.of(failedAt.plus(delayAfter(failedAttempts)));
    }
}
