package org.agora.web.consultation;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.consultation.ConsultationService;

/**
 * Every minute, opens and closes the consultations that are due, including those a stopped server missed. On
 * several instances each runs it; a consultation changed by one is refused to the other by its version, and the
 * next minute finds nothing left to do.
 */
@Singleton
public class ConsultationScheduler {

    private static final Logger LOG = Logger.getLogger(ConsultationScheduler.class.getName());

    @Inject
    ConsultationService consultations;

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
    }
}
