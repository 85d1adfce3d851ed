package org.agora.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Counts an envelope's stored ballots with its call's tally rule. Nobody sees a count while the vote is open;
 * the envelope's managers see it once the vote has ended, everyone from the results phase on. An imported election
 * whose file names a rule the platform cannot count is not counted until the office picks a rule
 * ({@code budget.results.ruleUnknown}, with the file's rule name).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TallyService {

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected TallyService() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public TallyService(EntityManager em) {
        this.em = em;
    }

    public Tally tally(Actor actor, long envelopeId, Instant now) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        BudgetCall call = envelope.getCall();
        if (!BudgetPermissions.canSeeResults(actor, envelope, now)) {
            throw new NotAllowedException("budget.results.notYet");
        }
        List<Project> projects = new VotingService(em).ballot(envelopeId).stream().map(BudgetProject::toCandidate).toList();
        TallyRule rule = call.findTallyRule().orElseThrow(() -> new ConflictException(null, "budget.results.ruleUnknown",
                Optional.ofNullable(em.find(ImportedElection.class, call.getId()))
                        .flatMap(ImportedElection::getFileRule).orElse("")));
        if (rule.needsEachBallot()) {
            return rule.count(envelope.getAmount(), projects, call.getVotingRule(),
                    Ballots.of(em, envelopeId, call.getVotingRule()));
        }
        // a greedy count only needs each project's total: one aggregate query, however many ballots
        return rule.count(envelope.getAmount(), projects, Ballots.scores(em, envelopeId));
    }
}
