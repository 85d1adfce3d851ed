package org.agora.web.budget;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.budget.vote.BallotCount;
import org.agora.shared.UnavailableException;

/**
 * Every minute, unseals the ballots of the envelopes whose vote has ended (the tally does it too, when someone asks
 * for the results first), including those a stopped server missed. On several instances each runs it; the count
 * locks the envelope's key, so the second finds nothing left.
 */
@Singleton
public class BallotCountScheduler {

    private static final Logger LOG = Logger.getLogger(BallotCountScheduler.class.getName());

    @Inject
    BallotCount count;

    @Schedule(hour = "*", minute = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each count runs in a transaction of its own
    void unsealWhatIsDue() {
        Instant now = Instant.now();
        for (long envelope : count.dueAt(now)) {
            try {
                int unsealed = count.unseal(envelope, now);
                if (unsealed > 0) {
                    LOG.info(() -> unsealed + " sealed ballot(s) of envelope " + envelope + " counted");
                }
            } catch (UnavailableException e) {
                // no or a wrong secret: said once a minute, without a stack trace, until the operators fix it
                LOG.warning(() -> "Ballots of envelope " + envelope + " stay sealed: " + e.messageKey());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ballots of envelope " + envelope + " not unsealed this minute; the next run retries", e);
            }
        }
    }
}
