package org.agora.web.notification;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.budget.vote.VoteAnnouncements;

/**
 * Every minute, tells the people of the participatory budget's districts that a vote opened, closes soon (to those
 * who have not voted) or has its results, in batches that record how far they went; a restart or another instance
 * goes on where it stopped.
 */
@Singleton
public class VoteAnnouncementScheduler {

    private static final Logger LOG = Logger.getLogger(VoteAnnouncementScheduler.class.getName());

    static final int BATCH = 500;
    static final int MAX_BATCHES = 200;

    @Inject
    VoteAnnouncements announcements;

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one transaction per batch
    void announceWhatIsDue() {
        try {
            Instant now = Instant.now();
            for (int i = 0; i < MAX_BATCHES && announcements.announceNextBatch(now, BATCH); i++) {
                // one batch, one transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The vote's announcements not told this minute; the next run goes on", e);
        }
    }
}
