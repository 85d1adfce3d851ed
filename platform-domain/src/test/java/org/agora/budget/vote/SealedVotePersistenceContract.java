package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.call.PhasePlanTest;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.UnavailableException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/**
 * Ballots sealed until the count, against someone who holds the database: 60 named residents vote online and at the
 * desk with 60 distinct ballots; the attacker takes a copy of the database during the vote and another after the
 * count, and tries every join they can. Run on H2 and PostgreSQL (where xmin, ctid and commit order exist).
 */
abstract class SealedVotePersistenceContract extends DatabaseTest {

    static final Instant DURING_VOTE = PhasePlanTest.day(75);
    static final Instant VOTE_OVER = PhasePlanTest.day(85);
    static final int VOTERS = 60;
    static final int AT_THE_DESK = 15;
    /** A random matching of 60 distinct ballots gets one right on average; more than 8 is not chance. */
    static final int CHANCE = 8;
    static final long[] COSTS = {40_000, 20_000, 120_000, 35_000, 20_000, 60_000, 5_000, 90_000};

    /**
     * Where the has-voted marks are, as the attacker queries them: the voter and the row (one place to change if the
     * marks move to another table).
     */
    private static final String MARKS = "vote_marks m";

    /** Who a mark names: the account, or the name of a person entered at a desk. */
    private static final String VOTER = "(select coalesce(r.account, r.full_name) from residents r where r.id = m.resident_id)";

    private long nord;
    private List<Project> projects;
    /** What each named resident chose (the truth the attacker wants). */
    private final Map<String, Set<String>> chose = new LinkedHashMap<>();

    /** Whether the database is PostgreSQL: xmin, ctid and commit timestamps exist there. */
    protected abstract boolean postgres();

    /** The attacker reads the rows in their physical order: the test starts on new storage, as a fresh database. */
    @Override
    protected boolean needsNewStorage() {
        return true;
    }

    /** The expression of a row's physical position: the order of a sequential scan, of pg_dump's COPY, of H2's rows. */
    private String physical() {
        return postgres() ? "ctid" : "_ROWID_";
    }

    /** The id of the transaction that wrote a row (PostgreSQL only). */
    private String writer() {
        return postgres() ? "xmin::text" : "null";
    }

    // -- the election --------------------------------------------------------------------------------------------

    private <T> T voting(Function<VotingService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).voting()));
    }

    /** An approval call (1 to 8 choices); the north envelope offers eight projects. */
    private void callWithProjects(TallyRule tallyRule) {
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(BudgetCallPersistenceContract.OFFICE,
                BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(), new VotingRule.Approval(1, 8),
                        tallyRule)));
        nord = db().inTransaction(em -> Services.on(em).budget().getCall(call.getId())
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        for (int i = 0; i < COSTS.length; i++) {
            String title = "Projet " + (i + 1);
            long cost = COSTS[i];
            voting(v -> v.addToBallot(BudgetCallPersistenceContract.OFFICE, nord, title, cost, PhasePlanTest.day(60)));
        }
        projects = voting(v -> v.ballot(nord)).stream().map(BudgetProject::toCandidate).toList();
    }

    /** 60 distinct non-empty subsets of the eight projects, of every size. */
    private List<Set<ProjectId>> distinctBallots(long seed) {
        List<Integer> masks = new ArrayList<>();
        for (int mask = 1; mask < 256; mask++) {
            masks.add(mask);
        }
        Collections.shuffle(masks, new Random(seed));
        List<Set<ProjectId>> ballots = new ArrayList<>();
        for (int mask : masks.subList(0, VOTERS)) {
            Set<ProjectId> chosen = new HashSet<>();
            for (int p = 0; p < projects.size(); p++) {
                if ((mask & (1 << p)) != 0) {
                    chosen.add(projects.get(p).id());
                }
            }
            ballots.add(chosen);
        }
        return ballots;
    }

    /** 45 residents vote online and 15 at the desk, each in a transaction of their own, as they would. */
    private void vote(long seed) {
        List<Set<ProjectId>> ballots = distinctBallots(seed);
        for (int i = 0; i < VOTERS; i++) {
            String name = String.format("habitant.%02d", i);
            Ballot ballot = new Ballot.Approval(ballots.get(i));
            if (i % (VOTERS / AT_THE_DESK) == 1) {
                castAtDesk(name, ballot);
            } else {
                castOnline(name, ballot);
            }
            chose.put(name, ballots.get(i).stream().map(ProjectId::value).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    private void castOnline(String name, Ballot ballot) {
        db().inTransaction(em -> {
            Services.on(em).voting().cast(VotingPersistenceContract.resident(name, "nord"), nord, ballot, DURING_VOTE);
            return null;
        });
    }

    private void castAtDesk(String name, Ballot ballot) {
        db().inTransaction(em -> {
            long resident = new org.agora.participation.ResidentRegister(em, org.agora.participation.ResidentDirectory.NONE)
                    .enlistInPerson(BudgetCallPersistenceContract.AGENT_OF_NORD, new org.agora.participation.InPersonResident(
                            name, java.time.LocalDate.of(1990, 1, 1), new DistrictCode("nord")), true, DURING_VOTE).getId();
            Services.on(em).voting().castAtDesk(BudgetCallPersistenceContract.AGENT_OF_NORD, resident, nord, ballot,
                    DURING_VOTE);
            return null;
        });
    }

    /** The envelope's managers close the count once the vote is over: only then do they see a tally. */
    private void closeCount() {
        db().inTransaction(em -> {
            Services.on(em).voting().closeCount(BudgetCallPersistenceContract.AGENT_OF_NORD, nord, VOTE_OVER);
            return null;
        });
    }

    private Map<Channel, Long> byChannel() {
        return voting(v -> v.ballotsByChannel(nord));
    }

    private int count(long envelope, Instant now) {
        return db().inTransaction(em -> new BallotCount(em, ElectionKeys.fromSystem()).unseal(envelope, now));
    }

    private long number(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql) {
        return db().inTransaction(em -> (List<Object[]>) em.createNativeQuery(sql).getResultList());
    }

    // -- what the attacker holds ---------------------------------------------------------------------------------

    /** A has-voted mark as a copy of the database shows it: who, which transaction wrote it, where it lies. */
    private record Mark(String voter, String writer, int position) {
    }

    /** A sealed ballot in a copy taken during the vote. */
    private record Sealed(String id, String writer, int position, int length) {
    }

    /** A plain ballot in a copy taken after the count, with what it chose. */
    private record Plain(String id, String writer, int position, Set<String> choices) {
    }

    /** The marks of the envelope, in physical order. (The only query that knows how marks are stored.) */
    private List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        for (Object[] row : rows("select " + VOTER + ", " + writer() + " from " + MARKS + " where m.envelope_id = " + nord
                + " order by " + physical())) {
            marks.add(new Mark((String) row[0], (String) row[1], marks.size()));
        }
        return marks;
    }

    private List<Sealed> sealed() {
        List<Sealed> sealed = new ArrayList<>();
        for (Object[] row : rows("select id, " + writer() + ", octet_length(sealed) from sealed_ballots where envelope_id = "
                + nord + " order by " + physical())) {
            sealed.add(new Sealed((String) row[0], (String) row[1], sealed.size(), ((Number) row[2]).intValue()));
        }
        return sealed;
    }

    /** Online and desk ballots in the clear (paper ones would be plain from the start, and tell nothing). */
    private List<Plain> plain() {
        Map<String, Set<String>> choices = new HashMap<>();
        for (Object[] row : rows("select c.ballot_id, c.project_id from ballot_choices c join ballots b on b.id = c.ballot_id"
                + " where b.envelope_id = " + nord)) {
            choices.computeIfAbsent((String) row[0], b -> new TreeSet<>()).add(String.valueOf(((Number) row[1]).longValue()));
        }
        List<Plain> plain = new ArrayList<>();
        for (Object[] row : rows("select id, " + writer() + " from ballots where envelope_id = " + nord
                + " and channel <> 'PAPER' order by " + physical())) {
            plain.add(new Plain((String) row[0], (String) row[1], plain.size(), choices.getOrDefault((String) row[0], Set.of())));
        }
        return plain;
    }

    /** How many voters a guess (voter -> plain ballot) names with what they really chose. */
    private int rightGuesses(Map<String, Plain> guess) {
        return (int) guess.entrySet().stream().filter(g -> g.getValue() != null
                && g.getValue().choices().equals(chose.get(g.getKey()))).count();
    }

    private static Map<String, Plain> zip(List<Mark> voters, List<Plain> ballots) {
        Map<String, Plain> guess = new HashMap<>();
        for (int i = 0; i < Math.min(voters.size(), ballots.size()); i++) {
            guess.put(voters.get(i).voter(), ballots.get(i));
        }
        return guess;
    }

    private static long xid(String writer) {
        return writer == null ? 0 : Long.parseLong(writer);
    }

    // -- the attack ----------------------------------------------------------------------------------------------

    @Test
    void anAttackerHoldingTheDatabaseDuringTheVoteAndAfterTheCountLinksNoVoterToTheirBallot() {
        callWithProjects(TallyRule.GREEDY);
        vote(2027);
        // a dump, replica or WAL archive taken during the vote...
        List<Mark> marks = marks();
        List<Sealed> sealedDuringVote = sealed();
        assertThat(marks).hasSize(VOTERS);

        int unsealed = count(nord, VOTE_OVER);
        // ... and another after the count
        List<Plain> plain = plain();
        assertThat(plain).hasSize(VOTERS);
        assertThat(plain.stream().map(Plain::choices).collect(Collectors.toSet()))
                .as("the count gives back every ballot").isEqualTo(new HashSet<>(chose.values()));

        Map<String, Integer> linked = new LinkedHashMap<>();
        // 1. same transaction: the mark and the ballot written together share xmin
        Map<String, Plain> sameWriter = new HashMap<>();
        for (Mark mark : marks) {
            plain.stream().filter(p -> p.writer() != null && p.writer().equals(mark.writer())).findFirst()
                    .ifPresent(p -> sameWriter.put(mark.voter(), p));
        }
        linked.put("xmin of the mark = xmin of the plain ballot", rightGuesses(sameWriter));
        // 2. physical order (ctid; pg_dump's COPY order): the n-th mark with the n-th ballot
        linked.put("marks and plain ballots zipped in physical order", rightGuesses(zip(marks, plain)));
        // 3. the order of the writing transactions (and of their commit times)
        List<Mark> marksByXid = marks.stream().sorted(Comparator.comparingLong((Mark m) -> xid(m.writer()))
                .thenComparingInt(Mark::position)).toList();
        List<Plain> plainByXid = plain.stream().sorted(Comparator.comparingLong((Plain p) -> xid(p.writer()))
                .thenComparingInt(Plain::position)).toList();
        linked.put("marks and plain ballots zipped in transaction order", rightGuesses(zip(marksByXid, plainByXid)));
        // 4. through the sealed copy: the mark's sealed twin (same xmin; else the same position), then its plain ballot
        Map<String, Sealed> twin = new HashMap<>();
        for (Mark mark : marks) {
            sealedDuringVote.stream().filter(s -> postgres() ? mark.writer().equals(s.writer()) : s.position() == mark.position())
                    .findFirst().ifPresent(s -> twin.put(mark.voter(), s));
        }
        Map<String, Plain> byPosition = new HashMap<>();
        Map<String, Plain> byId = new HashMap<>();
        twin.forEach((voter, s) -> {
            byPosition.put(voter, s.position() < plain.size() ? plain.get(s.position()) : null);
            byId.put(voter, plain.stream().filter(p -> p.id().equals(s.id())).findFirst().orElse(null));
        });
        linked.put("sealed twin's position = plain ballot's position", rightGuesses(byPosition));
        linked.put("sealed twin's id = plain ballot's id", rightGuesses(byId));
        // 5. the sealed twin's length says how many projects were chosen: longest with the largest ballot
        List<Mark> byLength = marks.stream().filter(m -> twin.containsKey(m.voter()))
                .sorted(Comparator.comparingInt((Mark m) -> twin.get(m.voter()).length()).thenComparingInt(Mark::position))
                .toList();
        List<Plain> bySize = plain.stream().sorted(Comparator.comparingInt((Plain p) -> p.choices().size())
                .thenComparingInt(Plain::position)).toList();
        linked.put("sealed length ranked against the number of choices", rightGuesses(zip(byLength, bySize)));

        assertThat(linked).as("voters each strategy names with their ballot (chance: about 1): " + linked)
                .allSatisfy((strategy, right) -> assertThat(right).as(strategy).isLessThanOrEqualTo(CHANCE));
        assertThat(unsealed).isEqualTo(VOTERS);
        assertThat(sealedDuringVote).extracting(Sealed::length).as("nothing to learn from the lengths").containsOnly(
                sealedDuringVote.get(0).length());
        assertThat(plain).extracting(Plain::id).doesNotContainAnyElementsOf(sealedDuringVote.stream().map(Sealed::id).toList());
        if (postgres()) {
            assertThat(plain).extracting(Plain::writer).as("one transaction wrote every plain ballot").containsOnly(
                    plain.get(0).writer());
            assertThat(marks).extracting(Mark::writer).doesNotContain(plain.get(0).writer());
        }
    }

    @Test
    void withCommitTimestampsOnTheCountStillLinksNoVoter() {
        if (!postgres() || !"on".equals(db().inTransaction(em -> em.createNativeQuery("show track_commit_timestamp")
                .getSingleResult()))) {
            return; // off by default (a server setting): then no commit time is kept to join on
        }
        callWithProjects(TallyRule.GREEDY);
        vote(11);
        List<Object[]> markTimes = rows("select " + VOTER + ", 1 from " + MARKS + " where m.envelope_id = " + nord
                + " order by pg_xact_commit_timestamp(xmin), ctid");
        count(nord, VOTE_OVER);
        List<Plain> plain = plain();
        List<Object[]> plainTimes = rows("select id, 1 from ballots where envelope_id = " + nord
                + " order by pg_xact_commit_timestamp(xmin), ctid");
        Map<String, Plain> guess = new HashMap<>();
        for (int i = 0; i < markTimes.size(); i++) {
            String id = (String) plainTimes.get(i)[0];
            guess.put((String) markTimes.get(i)[0], plain.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null));
        }
        assertThat(rightGuesses(guess)).isLessThanOrEqualTo(CHANCE);
    }

    @Test
    void duringTheVoteNoQueryShowsWhatABallotChoseYetTheBallotsAreCountedByChannel() {
        callWithProjects(TallyRule.GREEDY);
        vote(5);

        assertThat(number("select count(*) from ballot_choices")).isZero();
        assertThat(number("select count(*) from ballots")).isZero();
        assertThat(byChannel()).containsEntry(Channel.ONLINE, (long) VOTERS - AT_THE_DESK)
                .containsEntry(Channel.DESK, (long) AT_THE_DESK).containsEntry(Channel.PAPER, 0L);
        // no project id appears in any sealed ballot's bytes
        List<byte[]> sealedBytes = db().inTransaction(em -> em.createNativeQuery("select sealed from sealed_ballots")
                .getResultList().stream().map(b -> (byte[]) b).toList());
        assertThat(sealedBytes).hasSize(VOTERS);
        for (Project project : projects) {
            byte[] id = ByteBuffer.allocate(Long.BYTES).putLong(Long.parseLong(project.id().value())).array();
            assertThat(sealedBytes).noneMatch(bytes -> contains(bytes, id));
        }
        assertThat(sealedBytes.stream().map(b -> b.length).collect(Collectors.toSet()))
                .as("every sealed ballot of the envelope has the same length").hasSize(1);
        // nobody counts during the vote, not even the office
        assertThatThrownBy(() -> count(nord, DURING_VOTE)).isInstanceOf(NotAllowedException.class)
                .hasMessageStartingWith("budget.count.voteNotOver");
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally().tally(BudgetCallPersistenceContract.OFFICE,
                nord, DURING_VOTE))).isInstanceOf(NotAllowedException.class);
        assertThat(number("select count(*) from ballots")).isZero();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // -- the count -----------------------------------------------------------------------------------------------

    @Test
    void theCountGivesTheSameGreedyTallyAsThePlainBallots() {
        theCountGivesTheSameTallyAsThePlainBallots(TallyRule.GREEDY);
    }

    @Test
    void theCountGivesTheSameEqualSharesTallyAsThePlainBallots() {
        theCountGivesTheSameTallyAsThePlainBallots(TallyRule.EQUAL_SHARES);
    }

    private void theCountGivesTheSameTallyAsThePlainBallots(TallyRule rule) {
        callWithProjects(rule);
        vote(rule.ordinal());
        List<Ballot> plainBallots = chose.values().stream()
                .map(c -> (Ballot) new Ballot.Approval(c.stream().map(ProjectId::new).collect(Collectors.toSet())))
                .toList();
        Tally expected = rule.count(Money.of(150_000), projects, new VotingRule.Approval(1, 8), plainBallots);

        closeCount();
        Tally counted = db().inTransaction(em -> Services.on(em).tally().tally(BudgetCallPersistenceContract.AGENT_OF_NORD,
                nord, VOTE_OVER));

        assertThat(counted).isEqualTo(expected);
        assertThat(counted.winners()).isNotEmpty();
        assertThat(number("select count(*) from sealed_ballots where envelope_id = " + nord)).isZero();
        assertThat(byChannel()).containsEntry(Channel.ONLINE, (long) VOTERS - AT_THE_DESK)
                .containsEntry(Channel.DESK, (long) AT_THE_DESK);
    }

    @Test
    void twoInstancesCountingAtOnceUnsealEachBallotOnce() throws Exception {
        callWithProjects(TallyRule.GREEDY);
        vote(3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Integer>> counts = List.of(() -> count(nord, VOTE_OVER), () -> count(nord, VOTE_OVER));

        int unsealed = 0;
        for (Future<Integer> outcome : pool.invokeAll(counts)) {
            unsealed += outcome.get();
        }
        pool.shutdown();

        assertThat(unsealed).isEqualTo(VOTERS);
        assertThat(number("select count(*) from ballots")).isEqualTo(VOTERS);
        assertThat(number("select count(*) from sealed_ballots")).isZero();
        assertThat(count(nord, PhasePlanTest.day(90))).as("nothing left the next time").isZero();
        assertThat(number("select count(*) from ballots")).isEqualTo(VOTERS);
    }

    @Test
    void aBallotArrivingAfterTheCountIsRefusedEvenByAnInstanceThatKeptTheKey() {
        callWithProjects(TallyRule.GREEDY);
        ElectionKeys kept = ElectionKeys.fromSystem();
        Map<Long, BallotTerms> terms = new java.util.concurrent.ConcurrentHashMap<>();
        castKeeping(terms, kept, "premier", Set.of(0));
        castKeeping(terms, kept, "second", Set.of(1));  // the key is now kept in memory
        count(nord, VOTE_OVER);

        // an instance whose clock lags still thinks the vote is open
        assertThatThrownBy(() -> castKeeping(terms, kept, "en.retard", Set.of(2))).isInstanceOf(NotAllowedException.class)
                .hasMessageStartingWith("budget.vote.notOpen");
        assertThatThrownBy(() -> castKeeping(terms, ElectionKeys.fromSystem(), "en.retard", Set.of(2)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.notOpen");
        assertThat(number("select count(*) from " + MARKS)).isEqualTo(2);
        assertThat(number("select count(*) from ballots")).isEqualTo(2);
        assertThat(number("select count(*) from sealed_ballots")).isZero();
    }

    private void castKeeping(Map<Long, BallotTerms> terms, ElectionKeys keys, String name, Set<Integer> projectIndexes) {
        Ballot ballot = new Ballot.Approval(projectIndexes.stream().map(i -> projects.get(i).id()).collect(Collectors.toSet()));
        db().inTransaction(em -> {
            new VotingService(em, Services.on(em).register(), Services.on(em).blocks(), keys, terms)
                    .cast(VotingPersistenceContract.resident(name, "nord"), nord, ballot, DURING_VOTE);
            return null;
        });
    }

    // -- the secret ----------------------------------------------------------------------------------------------

    @Test
    void withoutASecretNoBallotIsTakenAndNothingIsStored() {
        callWithProjects(TallyRule.GREEDY);
        ElectionKeys none = new ElectionKeys(Optional.empty());

        assertThatThrownBy(() -> castKeeping(new HashMap<>(), none, "sans.secret", Set.of(0)))
                .isInstanceOf(UnavailableException.class).hasMessageStartingWith("budget.seal.noSecret");
        assertThat(number("select count(*) from " + MARKS)).isZero();
        assertThat(number("select count(*) from ballots")).isZero();
        assertThat(number("select count(*) from sealed_ballots")).isZero();
        assertThat(number("select count(*) from election_keys")).isZero();
    }

    @Test
    void aSecretThatDoesNotDeriveTheEnvelopesKeyNeitherSealsNorCounts() {
        callWithProjects(TallyRule.GREEDY);
        castKeeping(new HashMap<>(), ElectionKeys.fromSystem(), "premier", Set.of(0));
        ElectionKeys other = new ElectionKeys(Optional.of(ElectionKeyTest.OTHER));

        assertThatThrownBy(() -> castKeeping(new HashMap<>(), other, "second", Set.of(1)))
                .isInstanceOf(UnavailableException.class).hasMessageStartingWith("budget.seal.wrongSecret");
        assertThatThrownBy(() -> db().inTransaction(em -> new BallotCount(em, other).unseal(nord, VOTE_OVER)))
                .isInstanceOf(UnavailableException.class).hasMessageStartingWith("budget.seal.wrongSecret");
        closeCount();
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally(other)
                .tally(BudgetCallPersistenceContract.AGENT_OF_NORD, nord, VOTE_OVER)))
                .isInstanceOf(UnavailableException.class).hasMessageStartingWith("budget.seal.wrongSecret");
        assertThat(number("select count(*) from " + MARKS)).isEqualTo(1);
        assertThat(number("select count(*) from sealed_ballots")).isEqualTo(1);
        assertThat(number("select count(*) from ballots")).isZero();

        assertThat(count(nord, VOTE_OVER)).as("the right secret still counts it").isEqualTo(1);
    }

    @Test
    void aSealedBallotCannotBeOpenedWithAnotherSecret() {
        callWithProjects(TallyRule.GREEDY);
        castKeeping(new HashMap<>(), ElectionKeys.fromSystem(), "premier", Set.of(0, 1));
        Object[] key = rows("select salt, public_key, capacity from election_keys where envelope_id = " + nord).get(0);
        byte[] sealed = (byte[]) db().inTransaction(em -> em.createNativeQuery("select sealed from sealed_ballots")
                .getSingleResult());
        ElectionKey stored = ElectionKey.stored(nord, (byte[]) key[0], (byte[]) key[1], ((Number) key[2]).intValue());

        assertThatThrownBy(() -> stored.opening(ElectionKeyTest.OTHER)).isInstanceOf(UnavailableException.class);
        assertThat(stored.opening(SealingSecret.fromSystem().orElseThrow()).open(new SealedBallot(sealed), Channel.ONLINE))
                .containsOnlyKeys(projects.get(0).id(), projects.get(1).id());
    }
}
