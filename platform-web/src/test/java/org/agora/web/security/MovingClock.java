package org.agora.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves: it says the time it was set to, in UTC. */
final class MovingClock extends Clock {

    private volatile Instant now;

    MovingClock(Instant start) {
        this.now = start;
    }

    void set(Instant time) {
        now = time;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
