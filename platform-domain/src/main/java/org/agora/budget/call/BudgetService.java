package org.agora.budget.call;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.NotFoundException;
import org.agora.shared.PreModeration;
import org.agora.territory.TerritoryService;

/** Use cases of the office running participatory-budget calls. One transaction each. */
@ApplicationScoped
@Transactional
public class BudgetService {

    private EntityManager em;
    private TerritoryService territory;

    protected BudgetService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public BudgetService(EntityManager em, TerritoryService territory) {
        this.em = em;
        this.territory = territory;
    }

    public BudgetCall createCall(Actor actor, BudgetCallDraft draft) {
        return create(actor, draft, false);
    }

    /** An imported election's call: its tally rule may be unknown (null in the draft) until the office picks one. */
    public BudgetCall createImportedCall(Actor actor, BudgetCallDraft draft) {
        return create(actor, draft, true);
    }

    private BudgetCall create(Actor actor, BudgetCallDraft draft, boolean imported) {
        BudgetPermissions.requireCalls(actor);
        requireDistricts(draft);
        BudgetCall call = new BudgetCall(draft, actor.username(), imported);
        em.persist(call);
        Constraints.flush(em, () -> new ConflictException("name", "budget.call.nameTaken", draft.name(), draft.year()));
        return call;
    }

    /** Changes a call until its vote opens; afterwards its rules are locked and the change is refused. */
    public BudgetCall updateCall(Actor actor, long id, BudgetCallDraft draft, Instant now) {
        BudgetPermissions.requireCalls(actor);
        requireDistricts(draft);
        BudgetCall call = getCall(id);
        requireNoProjectsInRemovedEnvelopes(call, draft);
        call.update(draft, now);
        Constraints.flush(em, () -> new ConflictException("name", "budget.call.nameTaken", draft.name(), draft.year()));
        return call;
    }

    /**
     * The office turns pre-moderation of a call on or off: from then on, new proposals and new comments on its projects
     * wait for a moderator's approval before anyone else sees them (those already published stay).
     */
    public BudgetCall preModerate(Actor actor, long id, Boolean on) {
        BudgetPermissions.requireCalls(actor);
        BudgetCall call = getCall(id);
        PreModeration.require(on);
        call.setPreModerated(on);
        Constraints.flush(em, () -> new ConflictException(null, "budget.call.changedMeanwhile"));
        return call;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BudgetCall getCall(long id) {
        return Optional.ofNullable(em.find(BudgetCall.class, id))
                .orElseThrow(() -> new NotFoundException("budget.call.notFound", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Envelope> findEnvelope(long id) {
        return Optional.ofNullable(em.find(Envelope.class, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetCall> calls() {
        return em.createQuery("select c from BudgetCall c order by c.year desc, c.name", BudgetCall.class).getResultList();
    }

    /** An envelope that already has projects cannot be removed: they would be left without money to compete for. */
    private void requireNoProjectsInRemovedEnvelopes(BudgetCall call, BudgetCallDraft draft) {
        java.util.Set<String> kept = new java.util.HashSet<>();
        draft.envelopes().forEach(e -> kept.add(e.districtCode() == null ? "" : e.districtCode().strip().toLowerCase(java.util.Locale.ROOT)));
        for (Envelope envelope : call.getEnvelopes()) {
            String code = envelope.getDistrict().map(org.agora.shared.DistrictCode::value).orElse("");
            long projects = em.createQuery("select count(p) from BudgetProject p where p.envelope.id = :e", Long.class)
                    .setParameter("e", envelope.getId()).getSingleResult();
            if (!kept.contains(code) && projects > 0) {
                throw new ConflictException("envelopes", "budget.call.envelopeHasProjects", code.isEmpty() ? "*" : code,
                        projects);
            }
        }
    }

    private void requireDistricts(BudgetCallDraft draft) {
        draft.envelopes().stream().map(EnvelopeDraft::districtCode)
                .filter(code -> code != null && !code.isBlank())
                .forEach(territory::getDistrict);
    }
}
