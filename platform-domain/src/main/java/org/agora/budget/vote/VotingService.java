package org.agora.budget.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.moderation.BlockService;
import org.agora.participation.Registration;
import org.agora.participation.Resident;
import org.agora.participation.ResidentRegister;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Label;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;

/**
 * The secret vote. A ballot is checked against the call's rule and the envelope's projects, then two things are
 * written in one transaction: the mark that the person (on the platform's register) voted in the call's district or
 * city-wide scope, whose primary key refuses a second ballot on any channel, even from a simultaneous request on
 * another instance, and the ballot itself, which names no one and is sealed to the envelope's {@link ElectionKey}
 * until the count ({@link BallotCount}): whoever holds the database can tie the two rows together (same transaction),
 * never read what the sealed one chose.
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
            "budget.vote.otherDistrict", "budget.desk.otherDistrict",
            Actor.BLOCKED, "budget.desk.blocked");

    private EntityManager em;

    private ResidentRegister register;

    /** Who moderation blocked: they vote at no desk either. */
    private BlockService blocks;

    /** The terms of envelopes whose rules are locked, by envelope id: a few per call, true for good. */
    private final Map<Long, BallotTerms> lockedTerms;

    /** What online and desk ballots are sealed to. */
    private ElectionKeys keys;

    protected VotingService() {
        // for CDI
        this.lockedTerms = new ConcurrentHashMap<>();
    }

    /** The entity manager and its collaborators, injected by CDI. */
    @Inject
    public VotingService(EntityManager em, ResidentRegister register, BlockService blocks, ElectionKeys keys) {
        this(em, register, blocks, keys, new ConcurrentHashMap<>());
    }

    /** As the injected constructor, keeping locked terms in the given map (shared by several services). */
    VotingService(EntityManager em, ResidentRegister register, BlockService blocks, ElectionKeys keys,
                  Map<Long, BallotTerms> lockedTerms) {
        this.em = em;
        this.register = register;
        this.blocks = blocks;
        this.keys = keys;
        this.lockedTerms = lockedTerms;
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
        // as the vote will decide: with the register's district and birth year once the person is on it (a birth
        // year their account declares is taken when the register has none)
        Actor elector = !voter.isSignedIn() ? voter : register.findByAccount(voter.username())
                .map(r -> elector(voter, Registration.of(r), call.getPhases().vote().start()))
                .orElse(voter);
        return BudgetPermissions.whyNotVote(elector, envelope.getDistrict(), call.getMinimumAge(), call.getPhases(), now);
    }

    /**
     * Casts a resident's own ballot online. Who may vote is read from the platform's register, not from what the
     * account claims now: the district the person had when the vote opened, and the birth year on the register.
     */
    public void cast(Actor voter, long envelopeId, Ballot ballot, Instant now) {
        if (!voter.isSignedIn() || !voter.has(Role.RESIDENT)) {
            throw new NotAllowedException(voter.isSignedIn() ? "budget.vote.residentsOnly" : "budget.vote.signInFirst");
        }
        // enlisted first, before this transaction reads anything: the enlistment has a transaction and a connection of
        // its own, and two held at once by every vote of a burst would exhaust the pool (docs/performance.md)
        Registration resident = register.registration(voter, now);
        BallotTerms terms = terms(envelopeId, now);
        Actor elector = elector(voter, resident, terms.voteOpened());
        terms.whyNotVote(elector, now).ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
        Ballots.cast(em, terms, resident.residentId(), sealed(terms, ballot, Channel.ONLINE), Channel.ONLINE,
                () -> new ConflictException(null, "budget.vote.already"));
    }

    /**
     * Staff at a town-hall desk record the ballot of a person who votes in person, found on the register (with or
     * without an account) after checking their papers: they are marked as having voted exactly as online, and cannot
     * vote again in the call's scope, online or at any desk.
     */
    public void castAtDesk(Actor staff, long residentId, long envelopeId, Ballot ballot, Instant now) {
        BallotTerms terms = terms(envelopeId, now);
        Resident resident = atDesk(staff, residentId, terms, now);
        Ballots.cast(em, terms, residentId, sealed(terms, ballot, Channel.DESK), Channel.DESK,
                () -> new ConflictException("resident", "budget.desk.alreadyVoted", resident.getShownName()));
    }

    /**
     * Staff mark on the register a person who hands in a paper ballot: the ballot goes, unopened and unnamed, into the
     * ballot box and is counted later in a batch. The same mark as online and at the desk.
     */
    public void markPaperVoter(Actor staff, long residentId, long envelopeId, Instant now) {
        BallotTerms terms = terms(envelopeId, now);
        Resident resident = atDesk(staff, residentId, terms, now);
        Ballots.markPaper(em, terms, residentId,
                () -> new ConflictException("resident", "budget.desk.alreadyVoted", resident.getShownName()));
    }

    /**
     * The voter as the register knows them: the district they had when the vote opened and the register's birth year
     * (or the one their account declares, which the register takes when it has none).
     */
    private Actor elector(Actor voter, Registration resident, Instant voteOpened) {
        return voter.asRegistered(register.districtAt(resident, voteOpened), resident.birthYear().or(voter::birthYear));
    }

    /** The person on the register, once checked that this desk may record them and that they may vote now. */
    private Resident atDesk(Actor staff, long residentId, BallotTerms terms, Instant now) {
        Resident resident = register.get(residentId);
        Optional<org.agora.shared.DistrictCode> district = register.districtAt(resident, terms.voteOpened());
        if (!BudgetPermissions.canRecordAtDesk(staff, terms.district(), district)) {
            throw new NotAllowedException("budget.desk.notAllowed");
        }
        Actor person = new Actor(resident.getAccount().orElse("resident-" + residentId), java.util.Set.of(Role.RESIDENT),
                district, java.util.Set.of(), resident.getBirthYear());
        // a person whose account moderation blocked votes no more at a desk than online
        Actor voter = resident.getAccount().flatMap(blocks::blockedFor).map(person::blocked).orElse(person);
        terms.whyNotVote(voter, now).ifPresent(reason -> {
            throw new NotAllowedException(DESK_WORDS.getOrDefault(reason, reason));
        });
        return resident;
    }

    /**
     * A batch of paper ballots, typed in by the envelope's managers from the ballot box, during the vote or after it
     * until the count is closed. All are checked first and either all are stored or none. The batch's id comes from
     * the form, so that entering it twice (a double submit, a retry) stores it once; a batch may not hold more ballots
     * than people were marked as having voted on paper and not yet counted. Returns how many ballots the batch holds.
     */
    public PaperBatchResult addPaperBatch(Actor staff, long envelopeId, String batchId, List<Ballot> ballots, Instant now) {
        Envelope envelope = managed(staff, envelopeId);
        String id = batchIdOf(batchId);
        em.lock(envelope, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        PaperBatch entered = em.find(PaperBatch.class, id);
        if (entered != null) {
            if (entered.getEnvelopeId() != envelopeId) {
                throw new ConflictException("ballots", "budget.paper.batchElsewhere");
            }
            return new PaperBatchResult(entered.getBallots(), true);
        }
        PhasePlan phases = envelope.getCall().getPhases();
        if (!phases.vote().hasStarted(now)) {
            throw new NotAllowedException("budget.vote.paperOutsideCount");
        }
        if (envelope.isCountClosed(now)) {
            throw new NotAllowedException("budget.paper.countClosed");
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
        long unmatched = paperMarks(envelopeId) - paperBallots(envelopeId);
        if (ballots.size() > unmatched) {
            throw new org.agora.shared.InvalidInputException("ballots", "budget.paper.moreThanMarks", ballots.size(),
                    Math.max(unmatched, 0));
        }
        em.persist(new PaperBatch(id, envelopeId, ballots.size(), staff.username(), now));
        em.flush();
        Ballots.storeAll(em, envelopeId, ballots.stream().map(rule::points).toList(), Channel.PAPER);
        return new PaperBatchResult(ballots.size(), false);
    }

    /** What entering a paper batch did: the ballots it holds, and whether it had been entered before (nothing added). */
    public record PaperBatchResult(int ballots, boolean alreadyEntered) {
    }

    /**
     * Closes the envelope's count once its vote has ended (its managers): no paper batch is accepted after this, and
     * from then on its managers see the count. The results phase closes it anyway.
     */
    public void closeCount(Actor staff, long envelopeId, Instant now) {
        Envelope envelope = managed(staff, envelopeId);
        if (!envelope.getCall().getPhases().vote().hasEnded(now)) {
            throw new NotAllowedException("budget.count.voteNotEnded");
        }
        em.lock(envelope, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        envelope.closeCount(staff.username(), now);
    }

    /** How many people were marked as having voted on paper in the envelope. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long paperMarks(long envelopeId) {
        return ((Number) em.createNativeQuery("select count(*) from vote_marks where envelope_id = ? and channel = 'PAPER'")
                .setParameter(1, envelopeId).getSingleResult()).longValue();
    }

    /** How many paper ballots the envelope's batches hold. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long paperBallots(long envelopeId) {
        return ((Number) em.createNativeQuery("select coalesce(sum(ballots), 0) from paper_batches where envelope_id = ?")
                .setParameter(1, envelopeId).getSingleResult()).longValue();
    }

    private static String batchIdOf(String batchId) {
        try {
            return java.util.UUID.fromString(batchId == null ? "" : batchId.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new org.agora.shared.InvalidInputException("batch", "budget.paper.batchIdMalformed");
        }
    }

    /**
     * The ballot checked against the terms and sealed to the envelope's key: the key first, made with the envelope's
     * first ballot under a lock on the envelope, taken before the mark's, for ballots padded to the most projects a
     * valid one can name.
     */
    private SealedBallot sealed(BallotTerms terms, Ballot ballot, Channel channel) {
        terms.validate(ballot);
        return keys.forSealing(SealedBallots.connection(em), terms.envelopeId(), terms::mostChoices)
                .seal(terms.rule().points(ballot), channel);
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

    /** Whether this person has voted in the envelope's scope of its call (the only thing kept about them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasVoted(Actor voter, long envelopeId) {
        if (!voter.isSignedIn()) {
            return false;
        }
        Envelope envelope = envelope(envelopeId);
        return !em.createNativeQuery("select 1 from vote_marks m join residents r on r.id = m.resident_id"
                        + " where m.call_id = ? and m.scope = ? and r.account = ?")
                .setParameter(1, envelope.getCall().getId()).setParameter(2, VoteScope.of(envelope.getDistrict()).name())
                .setParameter(3, voter.username()).getResultList().isEmpty();
    }

    /** Whether the person on the register has voted in the envelope's scope of its call, on any channel. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasVoted(long residentId, long envelopeId) {
        Envelope envelope = envelope(envelopeId);
        return !em.createNativeQuery("select 1 from vote_marks where call_id = ? and scope = ? and resident_id = ?")
                .setParameter(1, envelope.getCall().getId()).setParameter(2, VoteScope.of(envelope.getDistrict()).name())
                .setParameter(3, residentId).getResultList().isEmpty();
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
