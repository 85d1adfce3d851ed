package org.agora.web.consultation;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.consultation.ConsultationAnnouncements;
import org.agora.consultation.ConsultationService;

/**
 * Every minute, opens and closes the consultations that are due, including those a stopped server missed, then tells
 * the people of their districts that they opened ({@link ConsultationAnnouncements}, in batches that record how far
 * they went). On several instances each runs it; a consultation changed by one is refused to the other by its
 * version, a batch is told by the instance that locked its campaign, and the next minute finds nothing left to do.
 */
@Singleton
public class ConsultationScheduler {

    private static final Logger LOG = Logger.getLogger(ConsultationScheduler.class.getName());

    /** People told per transaction, and batches per minute at most (the rest waits for the next minute). */
    static final int BATCH = 500;
    static final int MAX_BATCHES = 200;

    @Inject
    ConsultationService consultations;

    @Inject
    ConsultationAnnouncements announcements;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the service runs its own transaction
    void openAndCloseWhatIsDue() {
        try {
            int changed = consultations.applySchedule(Instant.now());
            if (changed > 0) {
                LOG.info(() -> changed + " consultation(s) opened or closed on schedule");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Consultation schedule not applied this minute; the next run retries", e);
        }
        try {
            Instant now = Instant.now();
            for (int i = 0; i < MAX_BATCHES && announcements.announceNextBatch(now, BATCH); i++) {
                // one batch, one transaction
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Opened consultations not announced this minute; the next run goes on", e);
        }
    }
}
