package org.agora.web.audience;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores this instance's audience counts every {@code agora.audience.flush-seconds} (the timer ticks every 10 s and
 * stores when a batch is due), and once more when the application stops, so that a restart loses at most the views
 * counted since the last tick in a crash.
 */
@Singleton
public class AudienceScheduler {

    private static final Logger LOG = Logger.getLogger(AudienceScheduler.class.getName());

    @Inject
    AudienceRecorder recorder;

    private long lastFlush = System.nanoTime();

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the batch is a transaction of its own
    @Lock(LockType.WRITE)
    void flushWhenDue() {
        long now = System.nanoTime();
        if (now - lastFlush < recorder.flushSeconds() * 1_000_000_000L) {
            return;
        }
        lastFlush = now;
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audience: the counts were not stored this time; the next batch retries", e);
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void flushAtShutdown() {
        try {
            recorder.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audience: the last counts could not be stored at shutdown", e);
        }
    }
}
