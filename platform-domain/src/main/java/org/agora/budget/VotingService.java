package org.agora.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Label;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;

/**
 * The secret vote. A ballot is checked against the call's rule and the envelope's projects, then two things are
 * written in one transaction: the mark that the person voted in the envelope (whose primary key refuses a second
 * ballot, even from a simultaneous request on another instance), and the ballot itself, which names no one and is
 * sealed to the envelope's {@link ElectionKey} until the count ({@link BallotCount}): whoever holds the database can
 * tie the two rows together (same transaction), never read what the sealed one chose.
 * A ballot is either stored and acknowledged, or refused with its reason: never acknowledged and lost.
 * What a ballot is checked against (the envelope, its call's rules and the projects on its ballot) is read from the
 * database until the vote has opened and kept in memory from then on, when it can no longer change
 * ({@link BallotTerms}): a vote reads nothing, it writes its two rows.
 */
@ApplicationScoped
@Transactional
public class VotingService {

    /** At the desk, the refusals speak of the resident, not to them. */
    private static final java.util.Map<String, String> DESK_WORDS = java.util.Map.of(
            "budget.vote.birthYearNeeded", "budget.desk.birthYearNeeded",
            "budget.vote.tooYoung", "budget.desk.tooYoung",
            "budget.vote.otherDistrict", "budget.desk.otherDistrict");

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    /** The terms of envelopes whose rules are locked, by envelope id: a few per call, true for good. */
    private final Map<Long, BallotTerms> lockedTerms;

    /** What online and desk ballots are sealed to. */
    @Inject
    ElectionKeys keys;

    protected VotingService() {
        // for CDI
        this.lockedTerms = new ConcurrentHashMap<>();
    }

    /**
     * For use outside a container, with an entity manager whose transactions the caller runs; ballots are sealed with
     * the secret of the system property or environment variable {@value SealingSecret#KEY}.
     */
    public VotingService(EntityManager em) {
        this(em, new ConcurrentHashMap<>());
    }

    /** As {@link #VotingService(EntityManager)}, keeping locked terms in the given map (shared by several services). */
    VotingService(EntityManager em, Map<Long, BallotTerms> lockedTerms) {
        this(em, lockedTerms, ElectionKeys.fromSystem());
    }

    /** As {@link #VotingService(EntityManager)}, sealing with these keys. */
    VotingService(EntityManager em, Map<Long, BallotTerms> lockedTerms, ElectionKeys keys) {
        this.em = em;
        this.lockedTerms = lockedTerms;
        this.keys = keys;
    }

    /** Puts a project on an envelope's ballot (office or the envelope's agents), while the rules are not locked. */
    public BudgetProject addToBallot(Actor actor, long envelopeId, String title, long cost, Instant now) {
        Envelope envelope = managed(actor, envelopeId);
        if (envelope.getCall().getPhases().rulesLocked(now)) {
            throw new ConflictException(null, "budget.call.rulesLocked");
        }
        if (cost > envelope.getAmount().amount()) {
            throw new org.agora.shared.InvalidInputException("cost", "budget.project.costOverEnvelope", cost,
                    envelope.getAmount().amount());
        }
        BudgetProject project = new BudgetProject(envelope, Label.of("title", title), Money.of(cost), true);
        em.persist(project);
        em.flush();
        return project;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BudgetProject> ballot(long envelopeId) {
        return em.createQuery("select p from BudgetProject p where p.envelope.id = :e and p.onBallot = true order by p.id",
                BudgetProject.class).setParameter("e", envelopeId).getResultList();
    }

    /** Why this person may not vote in the envelope now, or empty when they may. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> whyNotVote(Actor voter, Envelope envelope, Instant now) {
        BudgetCall call = envelope.getCall();
        return BudgetPermissions.whyNotVote(voter, envelope.getDistrict(), call.getMinimumAge(), call.getPhases(), now);
    }

    /** Casts a resident's own ballot online. */
    public void cast(Actor voter, long envelopeId, Ballot ballot, Instant now) {
        BallotTerms terms = terms(envelopeId, now);
        terms.whyNotVote(voter, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        store(terms, voter.username(), ballot, Channel.ONLINE);
    }

    /**
     * Staff at a town-hall desk record the ballot of a resident who votes in person, after checking who they are
     * and where they live: the resident is marked as having voted exactly as online, and cannot vote again.
     */
    public void castAtDesk(Actor staff, String resident, org.agora.shared.DistrictCode residentDistrict,
                           Optional<Integer> birthYear, long envelopeId, Ballot ballot, Instant now) {
        BallotTerms terms = terms(envelopeId, now);
        if (!BudgetPermissions.canRecordAtDesk(staff, terms.district(), Optional.of(residentDistrict))) {
            throw new NotAllowedException("budget.desk.notAllowed");
        }
        Actor voter = new Actor(Label.of("resident", resident).text(), java.util.Set.of(Role.RESIDENT),
                Optional.of(residentDistrict), java.util.Set.of(), birthYear);
        terms.whyNotVote(voter, now).ifPresent(reason -> {
            throw new NotAllowedException(DESK_WORDS.getOrDefault(reason, reason));
        });
        try {
            store(terms, voter.username(), ballot, Channel.DESK);
        } catch (ConflictException e) {
            throw new ConflictException("resident", "budget.desk.alreadyVoted", voter.username());
        }
    }

    /**
     * Paper ballots counted offline, added in bulk during the vote or after it, before the results: all are
     * checked first and either all are stored or none. Nobody is marked as having voted (the paper list of
     * voters stays with the town hall).
     */
    public int addPaperBallots(Actor staff, long envelopeId, List<Ballot> ballots, Instant now) {
        Envelope envelope = managed(staff, envelopeId);
        PhasePlan phases = envelope.getCall().getPhases();
        if (!phases.vote().hasStarted(now) || !now.isBefore(phases.resultsFrom())) {
            throw new NotAllowedException("budget.vote.paperOutsideCount");
        }
        VotingRule rule = envelope.getCall().getVotingRule();
        List<Project> projects = ballot(envelopeId).stream().map(BudgetProject::toCandidate).toList();
        for (int i = 0; i < ballots.size(); i++) {
            try {
                rule.validate(ballots.get(i), projects, envelope.getAmount());
            } catch (org.agora.shared.InvalidInputException e) {
                throw new org.agora.shared.InvalidInputException("ballots", "budget.vote.paperBallotRefused", i + 1,
                        e.messageKey(), e.arguments());
            }
        }
        ballots.forEach(b -> Ballots.store(em, envelopeId, rule.points(b), Channel.PAPER));
        return ballots.size();
    }

    private void store(BallotTerms terms, String voter, Ballot ballot, Channel channel) {
        terms.validate(ballot);
        // the key first: made with the envelope's first ballot under a lock on the envelope, taken before the mark's
        SealedBallot sealed = keys.forSealing(SealedBallots.connection(em), terms.envelopeId(), terms.projects().size())
                .seal(terms.rule().points(ballot), channel);
        Ballots.cast(em, terms.envelopeId(), voter, sealed, channel,
                () -> new ConflictException(null, "budget.vote.already"));
    }

    /** What a ballot in the envelope is checked against: kept from the database's once it can no longer change. */
    private BallotTerms terms(long envelopeId, Instant now) {
        BallotTerms kept = lockedTerms.get(envelopeId);
        if (kept != null) {
            return kept;
        }
        BallotTerms read = BallotTerms.of(envelope(envelopeId), ballot(envelopeId));
        if (read.lockedAt(now)) {
            lockedTerms.put(envelopeId, read);
        }
        return read;
    }

    /**
     * How many ballots the envelope holds, by channel (online, desk, paper), sealed or counted: every ballot counts in
     * participation, during the vote too.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Channel, Long> ballotsByChannel(long envelopeId) {
        return SealedBallots.countsByChannel(em, envelopeId);
    }

    /** Whether this person has voted in the envelope (the only thing kept about them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasVoted(Actor voter, long envelopeId) {
        return voter.isSignedIn() && !em.createNativeQuery("select 1 from has_voted where envelope_id = ? and voter = ?")
                .setParameter(1, envelopeId).setParameter(2, voter.username()).getResultList().isEmpty();
    }

    /** The envelope, if this person manages it (the office, or an agent of its district). */
    private Envelope managed(Actor actor, long id) {
        Envelope envelope = envelope(id);
        if (!BudgetPermissions.canManageEnvelope(actor, envelope.getDistrict())) {
            throw new NotAllowedException("budget.envelope.notAllowed");
        }
        return envelope;
    }

    private Envelope envelope(long id) {
        return Optional.ofNullable(em.find(Envelope.class, id))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", id));
    }
}
