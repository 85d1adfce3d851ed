package org.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/** The secret vote against a real database; run on H2 and on PostgreSQL by the subclasses. */
abstract class VotingPersistenceContract extends DatabaseTest {

    static final Instant BEFORE_VOTE = PhasePlanTest.day(60);
    static final Instant DURING_VOTE = PhasePlanTest.day(75);
    static final Instant VOTE_OVER = PhasePlanTest.day(85);
    static final Actor RESIDENT_OF_NORD = resident("resident", "nord");

    /** A resident born in 1990: old enough for the calls' minimum age of 16. */
    static Actor resident(String username, String district) {
        return resident(username, district, Optional.of(1990));
    }

    static Actor resident(String username, String district, Optional<Integer> birthYear) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of(), birthYear);
    }

    private long nord;
    private List<BudgetProject> projects;

    private <T> T voting(Function<VotingService, T> work) {
        return db().inTransaction(em -> work.apply(new VotingService(em)));
    }

    /** A knapsack call; the north envelope (150,000) offers three projects. */
    private void callWithProjects() {
        BudgetCallDraft draft = BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(),
                new VotingRule.Knapsack(), TallyRule.GREEDY);
        BudgetCall call = db().inTransaction(em -> new BudgetService(em).createCall(BudgetCallPersistenceContract.OFFICE, draft));
        nord = db().inTransaction(em -> new BudgetService(em).getCall(call.getId())
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        voting(v -> v.addToBallot(agent, nord, "Un jardin partagé", 40_000, BEFORE_VOTE));
        voting(v -> v.addToBallot(agent, nord, "Des bancs au square", 20_000, BEFORE_VOTE));
        voting(v -> v.addToBallot(agent, nord, "Une piste cyclable", 120_000, BEFORE_VOTE));
        projects = voting(v -> v.ballot(nord));
    }

    private Ballot choose(int... indexes) {
        Set<ProjectId> chosen = new java.util.HashSet<>();
        for (int index : indexes) {
            chosen.add(projects.get(index).toCandidate().id());
        }
        return new Ballot.Approval(chosen);
    }

    private void cast(Actor voter, Ballot ballot) {
        db().inTransaction(em -> {
            new VotingService(em).cast(voter, nord, ballot, DURING_VOTE);
            return null;
        });
    }

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void aResidentVotesOnceAndTheBallotNamesNoOne() {
        callWithProjects();

        cast(RESIDENT_OF_NORD, choose(0, 1));

        assertThat(count("select count(*) from has_voted")).isEqualTo(1);
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
        assertThat(count("select count(*) from ballots")).as("sealed until the count").isZero();
        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, choose(2)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.vote.already");
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);

        int unsealed = db().inTransaction(em -> new BallotCount(em, ElectionKeys.fromSystem()).unseal(nord, VOTE_OVER));
        assertThat(unsealed).isEqualTo(1);
        assertThat(count("select count(*) from ballots")).isEqualTo(1);
        assertThat(count("select sum(points) from ballot_choices")).isEqualTo(2);
        assertThat(count("select count(*) from sealed_ballots")).isZero();
    }

    @Test
    void simultaneousBallotsOfOneResidentGiveExactlyOneBallot() throws InterruptedException {
        callWithProjects();
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        List<Callable<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            tries.add(() -> {
                cast(RESIDENT_OF_NORD, choose(0));
                return true;
            });
        }
        int accepted = 0;
        for (Future<Boolean> outcome : pool.invokeAll(tries)) {
            try {
                outcome.get();
                accepted++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
            }
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(1);
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
        assertThat(count("select count(*) from has_voted")).isEqualTo(1);
    }

    @Test
    void anInvalidBallotIsRefusedWithItsReasonAndNothingIsStored() {
        callWithProjects();

        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, choose(0, 1, 2))) // 180,000 > 150,000
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.ballot.overEnvelope");
        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, new Ballot.Approval(Set.of(new ProjectId("999999")))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("select count(*) from has_voted")).isZero();
        assertThat(count("select count(*) from sealed_ballots")).isZero();
        assertThat(count("select count(*) from ballots")).isZero();
    }

    @Test
    void onlyResidentsOfTheDistrictVoteAndOnlyDuringTheVote() {
        callWithProjects();

        assertThatThrownBy(() -> cast(resident("resident.sud", "sud"), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThatThrownBy(() -> db().inTransaction(em -> {
            new VotingService(em).cast(RESIDENT_OF_NORD, nord, choose(0), BEFORE_VOTE);
            return null;
        })).isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.notOpen");
        assertThat(count("select count(*) from sealed_ballots")).isZero();
        assertThat(count("select count(*) from ballots")).isZero();
    }

    @Test
    void theBallotIsLockedOnceTheVoteOpens() {
        callWithProjects();

        assertThatThrownBy(() -> voting(v -> v.addToBallot(BudgetCallPersistenceContract.OFFICE, nord, "Trop tard", 1_000,
                DURING_VOTE))).isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.call.rulesLocked");
        List<BudgetProject> ballot = voting(v -> v.ballot(nord));
        assertThat(ballot).hasSize(3);
    }

    /** Votes through services that share what they keep in memory, as the one service of an application instance. */
    private void castKeeping(java.util.Map<Long, BallotTerms> kept, Actor voter, Ballot ballot, Instant now) {
        db().inTransaction(em -> {
            new VotingService(em, kept).cast(voter, nord, ballot, now);
            return null;
        });
    }

    @Test
    void theTermsOfABallotAreKeptOnlyOnceLockedAndStillDecideEveryVote() {
        callWithProjects();
        java.util.Map<Long, BallotTerms> kept = new java.util.concurrent.ConcurrentHashMap<>();
        Instant voteStart = PhasePlanTest.plan().vote().start();

        assertThatThrownBy(() -> castKeeping(kept, RESIDENT_OF_NORD, choose(0), BEFORE_VOTE))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.notOpen");
        castKeeping(kept, resident("first", "nord"), choose(0), voteStart.plusSeconds(10));
        assertThat(kept).as("the clocks of other instances may still be before the vote").isEmpty();
        castKeeping(kept, resident("second", "nord"), choose(0, 1), DURING_VOTE);
        assertThat(kept).containsOnlyKeys(nord);

        assertThatThrownBy(() -> castKeeping(kept, RESIDENT_OF_NORD, choose(0, 1, 2), DURING_VOTE))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.ballot.overEnvelope");
        assertThatThrownBy(() -> castKeeping(kept, RESIDENT_OF_NORD, new Ballot.Approval(Set.of(new ProjectId("999999"))),
                DURING_VOTE)).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.ballot.unknownProject");
        assertThatThrownBy(() -> castKeeping(kept, resident("resident.sud", "sud"), choose(0), DURING_VOTE))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThatThrownBy(() -> castKeeping(kept, resident("young", "nord", Optional.of(2015)), choose(0), DURING_VOTE))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.tooYoung");
        assertThatThrownBy(() -> castKeeping(kept, resident("second", "nord"), choose(2), DURING_VOTE))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.vote.already");
        assertThatThrownBy(() -> castKeeping(kept, RESIDENT_OF_NORD, choose(0), PhasePlanTest.plan().vote().end()))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.notOpen");
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(2);
        assertThat(count("select count(*) from has_voted")).isEqualTo(2);
    }

    @Test
    void noTableLinksABallotToAPerson() throws Exception {
        callWithProjects();
        cast(RESIDENT_OF_NORD, choose(0));

        List<String> ballotColumns = new ArrayList<>();
        db().inTransaction(em -> {
            Connection connection = em.unwrap(Connection.class);
            try {
                DatabaseMetaData meta = connection.getMetaData();
                for (String table : List.of("ballots", "ballot_choices", "sealed_ballots", "election_keys", "BALLOTS",
                        "BALLOT_CHOICES", "SEALED_BALLOTS", "ELECTION_KEYS")) {
                    try (ResultSet columns = meta.getColumns(null, null, table, null)) {
                        while (columns.next()) {
                            ballotColumns.add(columns.getString("COLUMN_NAME").toLowerCase());
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });

        assertThat(ballotColumns).isNotEmpty()
                .doesNotContain("voter", "respondent", "username", "created_at", "cast_at", "created_by");
    }

    @Test
    void theStoredBallotsAreCountedWithTheCallsRuleOnceTheVoteIsOver() {
        callWithProjects(); // knapsack, greedy; 150,000: garden 40,000, benches 20,000, cycle lane 120,000
        cast(resident("r1", "nord"), choose(2));     // cycle lane
        cast(resident("r2", "nord"), choose(2));     // cycle lane
        cast(resident("r3", "nord"), choose(0, 1));  // garden, benches
        cast(resident("r4", "nord"), choose(0, 1));  // garden, benches
        cast(resident("r5", "nord"), choose(0));     // garden
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        java.util.Map<Channel, Long> byChannel = voting(v -> v.ballotsByChannel(nord));
        assertThat(byChannel).as("counted while sealed")
                .containsEntry(Channel.ONLINE, 5L).containsEntry(Channel.DESK, 0L);

        assertThatThrownBy(() -> db().inTransaction(em -> new TallyService(em).tally(RESIDENT_OF_NORD, nord, DURING_VOTE)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.results.notYet");
        assertThatThrownBy(() -> db().inTransaction(em -> new TallyService(em).tally(agent, nord, DURING_VOTE)))
                .isInstanceOf(NotAllowedException.class);

        // garden 3 votes, cycle lane 2, benches 2 (a tie broken by the lower cost: benches first):
        // garden 40,000, then benches 20,000 (60,000), then the cycle lane 120,000 no longer fits -> skipped
        Tally tally = db().inTransaction(em -> new TallyService(em).tally(agent, nord, PhasePlanTest.day(85)));
        assertThat(tally.winners()).containsExactly(projects.get(0).toCandidate().id(), projects.get(1).toCandidate().id());
        assertThat(tally.spent()).isEqualTo(Money.of(60_000));
        assertThat(tally.leftover()).isEqualTo(Money.of(90_000));
        assertThat(tally.scoreOf(projects.get(2).toCandidate().id())).isEqualTo(2);
        Tally published = db().inTransaction(em -> new TallyService(em).tally(RESIDENT_OF_NORD, nord, PhasePlanTest.day(90)));
        assertThat(published.winners()).isEqualTo(tally.winners());
    }

    @Test
    void aDeskBallotMarksTheResidentAsHavingVotedLikeOnline() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;

        db().inTransaction(em -> {
            new VotingService(em).castAtDesk(agent, "resident", new DistrictCode("nord"), Optional.of(1990), nord, choose(1),
                    DURING_VOTE);
            return null;
        });

        assertThat(count("select count(*) from sealed_ballots where channel = 'DESK'")).isEqualTo(1);
        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, choose(0)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.vote.already");
        assertThatThrownBy(() -> db().inTransaction(em -> {
            new VotingService(em).castAtDesk(RESIDENT_OF_NORD, "voisin", new DistrictCode("nord"), Optional.of(1990), nord,
                    choose(1), DURING_VOTE);
            return null;
        })).isInstanceOf(NotAllowedException.class);
    }

    @Test
    void theCallsMinimumAgeNeedsADeclaredBirthYearReachedInTheYearOfTheVote() {
        callWithProjects(); // minimum age 16, vote in May 2027

        assertThatThrownBy(() -> cast(resident("sans.age", "nord", Optional.empty()), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.birthYearNeeded");
        assertThatThrownBy(() -> cast(resident("jeune", "nord", Optional.of(2012)), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.tooYoung");
        assertThatThrownBy(() -> db().inTransaction(em -> {
            new VotingService(em).castAtDesk(BudgetCallPersistenceContract.AGENT_OF_NORD, "jeune.guichet",
                    new DistrictCode("nord"), Optional.of(2012), nord, choose(0), DURING_VOTE);
            return null;
        })).isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.desk.tooYoung");
        assertThat(count("select count(*) from has_voted")).isZero();

        cast(resident("seize.ans", "nord", Optional.of(2011)), choose(0));
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
    }

    @Test
    void paperBallotsAreAddedAllOrNothing() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        List<Ballot> paper = List.of(choose(0), choose(0, 1), choose(0, 1, 2), choose(2));

        assertThatThrownBy(() -> db().inTransaction(em -> new VotingService(em).addPaperBallots(agent, nord, paper, DURING_VOTE)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("budget.vote.paperBallotRefused");
                    assertThat(e.arguments()).hasSize(3).startsWith(3, "budget.ballot.overEnvelope");
                    assertThat((Object[]) e.arguments()[2]).containsExactly(180_000L, 150_000L);
                });
        assertThat(count("select count(*) from ballots")).isZero();

        int added = db().inTransaction(em -> new VotingService(em).addPaperBallots(agent, nord,
                List.of(choose(0), choose(0, 1), choose(2)), PhasePlanTest.day(85)));
        assertThat(added).isEqualTo(3);
        assertThat(count("select count(*) from ballots where channel = 'PAPER'")).isEqualTo(3);
        assertThat(count("select count(*) from has_voted")).isZero();
    }
}
