package org.agora.budget.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.Envelope;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * The count of an envelope's sealed ballots, once its vote is over: they are opened with the election key and
 * written as plain ballots in random order, under new ids, in one transaction that erases the sealed copies
 * ({@link SealedBallots#unseal}). Safe to run again and on several instances at once: the second finds nothing left.
 * The tally runs it before counting, a scheduler catches up after each vote, and staff may call it when they close
 * the count.
 */
@ApplicationScoped
public class BallotCount {

    private EntityManager em;

    private ElectionKeys keys;

    protected BallotCount() {
        // for CDI
    }

    /** The entity manager and the keys that open the ballots, injected by CDI. */
    @Inject
    public BallotCount(EntityManager em, ElectionKeys keys) {
        this.em = em;
        this.keys = keys;
    }

    /**
     * Unseals the envelope's ballots, in a transaction of its own, once its vote has ended; how many were unsealed
     * (0 when none are left). Refused during the vote ({@code budget.count.voteNotOver}); without the right secret
     * ({@code budget.seal.noSecret}, {@code budget.seal.wrongSecret}) nothing changes.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int unseal(long envelopeId, Instant now) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        if (!envelope.getCall().getPhases().vote().hasEnded(now)) {
            throw new NotAllowedException("budget.count.voteNotOver");
        }
        if (SealedBallots.remaining(em, envelopeId) == 0) {
            return 0; // nothing to open: no secret needed, no lock taken
        }
        return SealedBallots.unseal(SealedBallots.connection(em), envelopeId, keys.secret());
    }

    /** The envelopes whose vote has ended and which still hold sealed ballots: what the catch-up unseals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> dueAt(Instant now) {
        return SealedBallots.envelopesStillSealed(em).stream()
                .filter(id -> Optional.ofNullable(em.find(Envelope.class, id))
                        .map(e -> e.getCall().getPhases().vote().hasEnded(now)).orElse(false))
                .toList();
    }

    /** Whether the envelope still holds sealed ballots (its count has not run yet). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean stillSealed(long envelopeId) {
        return SealedBallots.remaining(em, envelopeId) > 0;
    }
}
