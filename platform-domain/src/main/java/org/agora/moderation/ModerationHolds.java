package org.agora.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.agora.shared.Actor;

/**
 * Pre-moderation: the owner of a contribution to a pre-moderated space (a budget call) hands it over here, hidden, in
 * the transaction that stores it; it waits in the moderation queue (PENDING, without reports) until a moderator keeps
 * it (it is shown), hides it or rejects it (its public reason counted in the space's rejections). Apart from
 * {@link ModerationService}, which calls the owners, so that the owners may call this without a cycle.
 */
@ApplicationScoped
public class ModerationHolds {

    private EntityManager em;
    private AuditLog audit;

    protected ModerationHolds() {
        // for CDI
    }

    @Inject
    public ModerationHolds(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Opens the case of a new contribution its owner has just stored hidden (PENDING). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ModerationCase hold(ModeratedItem item, Instant now) {
        ModerationCase held = ModerationCase.held(item, now);
        em.persist(held);
        audit.append(new Actor("agora", Set.of(), Optional.empty(), Set.of()), now, AuditAction.HOLD,
                item.ref().kind().name(), String.valueOf(item.ref().id()), item.district(), item.space().orElse(null),
                null, CaseState.PENDING.name());
        return held;
    }
}
