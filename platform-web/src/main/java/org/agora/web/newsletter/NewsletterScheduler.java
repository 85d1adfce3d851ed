package org.agora.web.newsletter;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.newsletter.NewsletterService;

/**
 * Every ten seconds, queues the copies of the sent newsletters in batches of {@value #BATCH} people, one transaction
 * each (100,000 recipients are 200 short transactions, not one long one), up to {@value #MAX_BATCHES} batches a run;
 * the mail worker sends them. Each instance runs it: the newsletter's row is locked while a batch is queued, and the
 * outbox's key refuses a second copy to anyone.
 */
@Singleton
public class NewsletterScheduler {

    private static final Logger LOG = Logger.getLogger(NewsletterScheduler.class.getName());

    static final int BATCH = 500;
    static final int MAX_BATCHES = 100;

    @Inject
    NewsletterService newsletters;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch is a transaction of its own
    void queueWhatWasSent() {
        try {
            Instant now = Instant.now();
            for (int i = 0; i < MAX_BATCHES && newsletters.queueNextBatch(now, BATCH); i++) {
                // one batch, one transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Newsletters not queued this round; the next one goes on", e);
        }
    }
}
