package org.agora.web.newsletter;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.newsletter.NewsletterService;
import org.agora.web.notification.MailScheduler;

/**
 * Every ten seconds, queues the copies of the sent newsletters in batches of {@value #BATCH} people, one transaction
 * each (100,000 recipients are 200 short transactions, not one long one), up to {@value #MAX_BATCHES} batches a run;
 * the mail worker sends them. Each instance runs it: the newsletter's row is locked while a batch is queued, and the
 * outbox's key refuses a second copy to anyone. When the office sends a newsletter, a round runs at once on its
 * instance ({@link #queueNow}), and the mail worker's right after it: the first copies leave within seconds, not at
 * the next two rounds.
 */
@Singleton
@ApplicationScoped // what a singleton may be to CDI: the form kept between requests injects it as a normal-scoped bean
@Lock(LockType.READ) // one round at a time is the flag's work: a round asked for while one runs is not doubled
public class NewsletterScheduler {

    private static final Logger LOG = Logger.getLogger(NewsletterScheduler.class.getName());

    static final int BATCH = 500;
    static final int MAX_BATCHES = 100;

    @Inject
    NewsletterService newsletters;

    @Inject
    MailScheduler mails;

    private final AtomicBoolean running = new AtomicBoolean();

    /** A round now, then the mail worker's, on a thread of the container: called once a newsletter is sent. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch is a transaction of its own
    public void queueNow() {
        queueWhatWasSent();
        mails.sendNow();
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch is a transaction of its own
    void queueWhatWasSent() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant now = Instant.now();
            for (int i = 0; i < MAX_BATCHES && newsletters.queueNextBatch(now, BATCH); i++) {
                // one batch, one transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Newsletters not queued this round; the next one goes on", e);
        } finally {
            running.set(false);
        }
    }
}
