package org.agora.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * Counts an envelope's stored ballots with its call's tally rule. Nobody sees a count while the vote is open;
 * the envelope's managers see it once the vote has ended, everyone from the results phase on.
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
        PhasePlan phases = call.getPhases();
        boolean published = phases.at(now).filter(p -> p == BudgetPhase.RESULTS || p == BudgetPhase.IMPLEMENTATION)
                .isPresent();
        boolean staffAfterVote = phases.vote().hasEnded(now)
                && BudgetPermissions.canManageEnvelope(actor, envelope.getDistrict());
        if (!published && !staffAfterVote) {
            throw new NotAllowedException("budget.results.notYet");
        }
        List<Project> projects = new VotingService(em).ballot(envelopeId).stream().map(BudgetProject::toCandidate).toList();
        return call.getTallyRule().count(envelope.getAmount(), projects, call.getVotingRule(),
                ballots(envelopeId, call.getVotingRule()));
    }

    /** The envelope's ballots rebuilt from their stored choices (an ordinal ballot from its rank points). */
    private List<Ballot> ballots(long envelopeId, VotingRule rule) {
        List<?> rows = em.createNativeQuery("select c.ballot_id, c.project_id, c.points from ballot_choices c"
                        + " join ballots b on b.id = c.ballot_id where b.envelope_id = ? order by c.ballot_id")
                .setParameter(1, envelopeId).getResultList();
        Map<String, Map<ProjectId, Integer>> byBallot = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            byBallot.computeIfAbsent((String) columns[0], b -> new LinkedHashMap<>())
                    .put(new ProjectId(String.valueOf(((Number) columns[1]).longValue())), ((Number) columns[2]).intValue());
        }
        List<Ballot> ballots = new ArrayList<>(byBallot.size());
        for (Map<ProjectId, Integer> choices : byBallot.values()) {
            ballots.add(ballotOf(choices, rule));
        }
        return ballots;
    }

    private static Ballot ballotOf(Map<ProjectId, Integer> choices, VotingRule rule) {
        if (rule instanceof VotingRule.Cumulative) {
            return new Ballot.Cumulative(choices);
        }
        if (rule instanceof VotingRule.Ordinal) {
            return new Ballot.Ordinal(choices.entrySet().stream()
                    .sorted(Map.Entry.<ProjectId, Integer>comparingByValue(Comparator.reverseOrder()))
                    .map(Map.Entry::getKey).toList());
        }
        Set<ProjectId> approved = choices.keySet().stream().collect(Collectors.toSet());
        return new Ballot.Approval(approved);
    }
}
