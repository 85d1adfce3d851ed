package org.agora.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Whether a service answers, asked at most once per {@code ttl}: the answer is remembered, so that a burst of
 * requests costs one probe. Threads that ask while the remembered answer expires may each probe once; no lock, so
 * a probe that takes its whole timeout never queues the others behind it.
 */
final class Reachability {

    private final Duration ttl;
    private final BooleanSupplier probe;
    private final Clock clock;
    private volatile Instant checkedAt;
    private volatile boolean reachable;

    Reachability(Duration ttl, BooleanSupplier probe, Clock clock) {
        this.ttl = ttl;
        this.probe = probe;
        this.clock = clock;
    }

    boolean reachable() {
        Instant now = clock.instant();
        Instant last = checkedAt;
        if (last == null || !now.isBefore(last.plus(ttl))) {
            reachable = probe.getAsBoolean();
            checkedAt = now;
        }
        return reachable;
    }
}
