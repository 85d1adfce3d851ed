package org.agora.budget.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.ImportedElection;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.project.BudgetProject;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Counts an envelope's stored ballots with its call's tally rule. Nobody sees a count while the vote is open;
 * the envelope's managers see it once the vote has ended, everyone from the results phase on. The sealed ballots
 * are opened first ({@link BallotCount}), so every ballot is counted. An imported election whose file names a rule the
 * platform cannot count is not counted until the office picks a rule ({@code budget.results.ruleUnknown}, with the
 * file's rule name). Once an envelope's count is closed its result is final: it is counted once per instance and kept
 * (Equal Shares takes up to a second on a large election; the results page is public).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TallyService {

    /** A final count's key: the envelope, the call's version and the rule it was counted with. */
    private record Final(long envelopeId, int callVersion, TallyRule rule) {
    }

    private final java.util.Map<Final, Tally> finals = new java.util.concurrent.ConcurrentHashMap<>();

    private EntityManager em;

    /** Opens the sealed ballots before the first count, in a transaction of its own. */
    private BallotCount count;

    private VotingService voting;

    protected TallyService() {
        // for CDI
    }

    /** The entity manager and its collaborators, injected by CDI. */
    @Inject
    public TallyService(EntityManager em, BallotCount count, VotingService voting) {
        this.em = em;
        this.count = count;
        this.voting = voting;
    }

    public Tally tally(Actor actor, long envelopeId, Instant now) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        BudgetCall call = envelope.getCall();
        if (!BudgetPermissions.canSeeResults(actor, envelope, now)) {
            throw new NotAllowedException("budget.results.notYet");
        }
        if (!envelope.isCountClosed(now)) {
            return count(envelope, call, now);
        }
        // once the count is closed no ballot comes any more: the result is final for this version of the call (a
        // change of its rule or terms gives another key), and is counted once per instance, not on every visit
        Final key = new Final(envelopeId, call.getVersion(), call.findTallyRule().orElse(null));
        Tally known = finals.get(key);
        if (known != null) {
            return known;
        }
        Tally counted = count(envelope, call, now);
        finals.put(key, counted);
        return counted;
    }

    /** How many final counts this instance keeps (for the tests). */
    int finalsKept() {
        return finals.size();
    }

    private Tally count(Envelope envelope, BudgetCall call, Instant now) {
        long envelopeId = envelope.getId();
        if (count.stillSealed(envelopeId)) {
            count.unseal(envelopeId, now); // the vote is over (the permission says so): open the sealed ballots first
        }
        List<Project> projects = voting.ballot(envelopeId).stream().map(BudgetProject::toCandidate).toList();
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
