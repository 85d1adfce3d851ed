package org.agora.web.notification;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.notification.MailWorker;

/**
 * Every ten seconds, sends the mails that are due, including those a stopped server left (the outbox is in the
 * database). Each instance runs it; the outbox's claims make sure one instance sends a mail. Off with
 * {@code agora.mail.worker.enabled=false} (the mails then wait for an instance where it is on).
 */
@Singleton
public class MailScheduler {

    private static final Logger LOG = Logger.getLogger(MailScheduler.class.getName());

    @Inject
    MailSettings settings;

    private MailWorker worker;

    /** A round still running when the next timer fires (a slow relay): the next one is skipped, not queued. */
    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void init() {
        worker = settings.worker();
    }

    /** A round now, beside the timer's (skipped if one is running): once mails were queued that should leave at once. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step of the worker is a transaction of its own
    @Lock(LockType.READ)
    public void sendNow() {
        sendWhatIsDue();
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step of the worker is a transaction of its own
    @Lock(LockType.READ)
    void sendWhatIsDue() {
        if (!settings.isWorkerEnabled() || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            MailWorker.Round round = worker.runOnce(Instant.now());
            if (round.total() > 0) {
                LOG.info(() -> "Mails: " + round.sent() + " sent, " + round.failed() + " failed (to try again or given up), "
                        + round.skipped() + " no longer wanted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mails not sent this round; the next one retries", e);
        } finally {
            running.set(false);
        }
    }
}
