package org.agora.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.agora.shared.Actor;
import org.agora.shared.Label;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;

/**
 * Elections as open data, in the Pabulib format researchers use: a historical election (or ballots counted
 * elsewhere) is imported as a closed call with one envelope, its projects and its anonymous paper ballots, in one
 * transaction (a refused file leaves nothing behind); an envelope is exported with its projects, votes, winners,
 * rule and anonymous ballots under random voter ids, so anyone can count it again.
 */
@ApplicationScoped
@Transactional
public class OpenDataService {

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected OpenDataService() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public OpenDataService(EntityManager em) {
        this.em = em;
    }

    /** Imports the election as a closed call (its results public); returns its single, city-wide envelope. */
    public Envelope importElection(Actor actor, String name, int year, PabulibElection election, Instant now) {
        BudgetPermissions.requireCalls(actor);
        TallyRule rule = election.rule().orElse(TallyRule.GREEDY);
        Money budget = election.budget();
        PhasePlan past = new PhasePlan(new Period(now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(4))),
                new Period(now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3))),
                new Period(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        BudgetCall call = new BudgetService(em).createCall(actor, new BudgetCallDraft(name, year, budget.amount(),
                List.of(new EnvelopeDraft("", budget.amount())), past, election.votingRule(), rule, null));
        Envelope envelope = call.getEnvelopes().get(0);

        Map<ProjectId, ProjectId> stored = new HashMap<>();
        for (PabulibProject project : election.projects()) {
            String title = project.name().filter(n -> !n.isBlank()).orElse("Projet " + project.id().value());
            BudgetProject added = new BudgetProject(envelope,
                    Label.of("title", title.length() > Label.MAX_LENGTH ? title.substring(0, Label.MAX_LENGTH) : title),
                    project.cost(), true);
            em.persist(added); // the sequence gives its id now
            stored.put(project.id(), added.toCandidate().id());
        }
        em.flush(); // the projects exist before the ballots' choices refer to them
        VotingRule votingRule = call.getVotingRule();
        for (PabulibVote vote : election.votes()) {
            Map<ProjectId, Long> points = new LinkedHashMap<>();
            votingRule.points(vote.ballot()).forEach((id, p) -> points.put(stored.get(id), p));
            Ballots.store(em, envelope.getId(), points, Channel.PAPER);
        }
        return envelope;
    }

    /** The envelope's election as a Pabulib file's content, once its results are public. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PabulibElection exportElection(Actor actor, long envelopeId, Instant now) {
        Tally tally = new TallyService(em).tally(actor, envelopeId, now);
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        BudgetCall call = envelope.getCall();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", call.getName());
        meta.put("country", "France");
        meta.put("unit", envelope.getDistrict().map(d -> d.value()).orElse("city"));
        meta.put("instance", String.valueOf(call.getYear()));
        meta.put("num_projects", String.valueOf(tally.scores().size()));
        meta.put("budget", String.valueOf(envelope.getAmount().amount()));
        meta.put("vote_type", voteType(call.getVotingRule()));
        meta.put("rule", call.getTallyRule().pabulibName());
        meta.put("currency", "EUR");
        ruleEntries(call.getVotingRule(), meta);

        List<PabulibProject> projects = new VotingService(em).ballot(envelopeId).stream().map(p -> {
            Map<String, String> columns = new LinkedHashMap<>();
            ProjectId id = p.toCandidate().id();
            columns.put("votes", String.valueOf(tally.scoreOf(id)));
            columns.put("name", p.getTitle());
            columns.put("selected", tally.isWinner(id) ? "1" : "0");
            return new PabulibProject(p.toCandidate(), columns);
        }).toList();
        List<Ballot> ballots = Ballots.of(em, envelopeId, call.getVotingRule());
        meta.put("num_votes", String.valueOf(ballots.size()));
        List<PabulibVote> votes = ballots.stream()
                .map(b -> new PabulibVote(UUID.randomUUID().toString().substring(0, 8), b, Map.of())).toList();
        return new PabulibElection(meta, projects, votes);
    }

    private static String voteType(VotingRule rule) {
        if (rule instanceof VotingRule.Cumulative) {
            return "cumulative";
        }
        if (rule instanceof VotingRule.Ordinal) {
            return "ordinal";
        }
        return "approval";
    }

    private static void ruleEntries(VotingRule rule, Map<String, String> meta) {
        if (rule instanceof VotingRule.Approval approval) {
            meta.put("min_length", String.valueOf(approval.min()));
            meta.put("max_length", String.valueOf(approval.max()));
        } else if (rule instanceof VotingRule.Cumulative cumulative) {
            meta.put("max_sum_points", String.valueOf(cumulative.totalPoints()));
            meta.put("max_points", String.valueOf(cumulative.maxPerProject()));
        } else if (rule instanceof VotingRule.Ordinal ordinal) {
            meta.put("max_length", String.valueOf(ordinal.ranks()));
        }
    }
}
