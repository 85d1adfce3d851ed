package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
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
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.PhasePlanTest;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.participation.InPersonResident;
import org.agora.participation.RegisterEntry;
import org.agora.participation.ResidentDirectory;
import org.agora.participation.ResidentRegister;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;

/** The secret vote against a real database; run on H2 and on PostgreSQL by the subclasses. */
public abstract class VotingPersistenceContract extends DatabaseTest {

    public static final Instant BEFORE_VOTE = PhasePlanTest.day(60);
    public static final Instant DURING_VOTE = PhasePlanTest.day(75);
    public static final Instant VOTE_OVER = PhasePlanTest.day(85);
    public static final Actor RESIDENT_OF_NORD = resident("resident", "nord");

    /** A resident born in 1990: old enough for the calls' minimum age of 16. */
    public static Actor resident(String username, String district) {
        return resident(username, district, Optional.of(1990));
    }

    public static Actor resident(String username, String district, Optional<Integer> birthYear) {
        return new Actor(username, Set.of(Role.RESIDENT), Optional.of(new DistrictCode(district)), Set.of(), birthYear);
    }

    private long nord;
    private List<BudgetProject> projects;

    private <T> T voting(Function<VotingService, T> work) {
        return db().inTransaction(em -> work.apply(Services.on(em).voting()));
    }

    /** A knapsack call; the north envelope (150,000) offers three projects. */
    private void callWithProjects() {
        BudgetCallDraft draft = BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(),
                new VotingRule.Knapsack(), TallyRule.GREEDY);
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(BudgetCallPersistenceContract.OFFICE, draft));
        nord = db().inTransaction(em -> Services.on(em).budget().getCall(call.getId())
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
            Services.on(em).voting().cast(voter, nord, ballot, DURING_VOTE);
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

        assertThat(count("select count(*) from vote_marks")).isEqualTo(1);
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
        assertThat(count("select count(*) from vote_marks")).isEqualTo(1);
    }

    @Test
    void anInvalidBallotIsRefusedWithItsReasonAndNothingIsStored() {
        callWithProjects();

        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, choose(0, 1, 2))) // 180,000 > 150,000
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.ballot.overEnvelope");
        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, new Ballot.Approval(Set.of(new ProjectId("999999")))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(count("select count(*) from vote_marks")).isZero();
        assertThat(count("select count(*) from sealed_ballots")).isZero();
        assertThat(count("select count(*) from ballots")).isZero();
    }

    @Test
    void onlyResidentsOfTheDistrictVoteAndOnlyDuringTheVote() {
        callWithProjects();

        assertThatThrownBy(() -> cast(resident("resident.sud", "sud"), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThatThrownBy(() -> db().inTransaction(em -> {
            Services.on(em).voting().cast(RESIDENT_OF_NORD, nord, choose(0), BEFORE_VOTE);
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
            new VotingService(em, Services.on(em).register(), Services.on(em).blocks(),
                    ElectionKeys.fromSystem(), kept)
                    .cast(voter, nord, ballot, now);
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
        assertThat(count("select count(*) from vote_marks")).isEqualTo(2);
    }

    /**
     * Every table of the schema that holds ballots (found in the schema, so a new one is checked too), sealed and
     * then opened: none has a column naming or timing a person, none refers to the register or the has-voted marks,
     * and none holds the voters' usernames, whatever the column.
     */
    @Test
    void noTableLinksABallotToAPerson() {
        callWithProjects();
        Actor first = resident("ballot.voter.one", "nord");
        Actor second = resident("ballot.voter.two", "nord");
        cast(first, choose(0));
        cast(second, choose(1));
        List<String> sealedTables = ballotTables();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        db().inTransaction(em -> {
            Services.on(em).voting().closeCount(agent, nord, VOTE_OVER);
            return null;
        });
        db().inTransaction(em -> Services.on(em).tally().tally(agent, nord, VOTE_OVER)); // opens the sealed ballots
        List<String> openedTables = ballotTables();

        assertThat(sealedTables).as("tables holding ballots while sealed").contains("sealed_ballots", "election_keys");
        assertThat(openedTables).as("tables holding ballots once opened").contains("ballots", "ballot_choices");
        db().inTransaction(em -> {
            Connection connection = em.unwrap(Connection.class);
            try {
                DatabaseMetaData meta = connection.getMetaData();
                for (String table : union(sealedTables, openedTables)) {
                    for (String column : columns(meta, connection.getSchema(), table)) {
                        assertThat(column).as(table + "." + column)
                                .doesNotContainPattern("voter|respondent|user|resident|person|subject|email|_by$|_at$");
                    }
                    try (ResultSet keys = meta.getImportedKeys(null, connection.getSchema(), stored(meta, table))) {
                        while (keys.next()) {
                            assertThat(keys.getString("PKTABLE_NAME").toLowerCase()).as(table + " refers to")
                                    .doesNotContain("resident", "vote_mark", "register");
                        }
                    }
                    try (var statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery("select * from " + table)) {
                        while (rows.next()) {
                            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                                assertThat(String.valueOf(rows.getObject(i))).as(table + " row")
                                        .doesNotContain(first.username(), second.username());
                            }
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    /** The tables of the schema, in lower case, with a row that holds a ballot or its key: their names say ballot. */
    private List<String> ballotTables() {
        return db().inTransaction(em -> {
            Connection connection = em.unwrap(Connection.class);
            List<String> tables = new ArrayList<>();
            try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[] {"TABLE"})) {
                while (found.next()) {
                    String name = found.getString("TABLE_NAME").toLowerCase();
                    if (name.contains("ballot") || name.contains("election_key")) {
                        tables.add(name);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return tables;
        });
    }

    private static List<String> union(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }

    /** The table's name as the database stores it (upper case on H2, lower case on PostgreSQL). */
    private static String stored(DatabaseMetaData meta, String table) throws java.sql.SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
    }

    private static List<String> columns(DatabaseMetaData meta, String schema, String table) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet columns = meta.getColumns(null, schema, stored(meta, table), null)) {
            while (columns.next()) {
                names.add(columns.getString("COLUMN_NAME").toLowerCase());
            }
        }
        return names;
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

        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally().tally(RESIDENT_OF_NORD, nord, DURING_VOTE)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.results.notYet");
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally().tally(agent, nord, DURING_VOTE)))
                .isInstanceOf(NotAllowedException.class);

        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally().tally(agent, nord, PhasePlanTest.day(85))))
                .as("the count is not closed yet").isInstanceOf(NotAllowedException.class);
        db().inTransaction(em -> {
            Services.on(em).voting().closeCount(agent, nord, PhasePlanTest.day(85));
            return null;
        });

        // garden 3 votes, cycle lane 2, benches 2 (a tie broken by the lower cost: benches first):
        // garden 40,000, then benches 20,000 (60,000), then the cycle lane 120,000 no longer fits -> skipped
        Tally tally = db().inTransaction(em -> Services.on(em).tally().tally(agent, nord, PhasePlanTest.day(85)));
        assertThat(tally.winners()).containsExactly(projects.get(0).toCandidate().id(), projects.get(1).toCandidate().id());
        assertThat(tally.spent()).isEqualTo(Money.of(60_000));
        assertThat(tally.leftover()).isEqualTo(Money.of(90_000));
        assertThat(tally.scoreOf(projects.get(2).toCandidate().id())).isEqualTo(2);
        Tally published = db().inTransaction(em -> Services.on(em).tally().tally(RESIDENT_OF_NORD, nord, PhasePlanTest.day(90)));
        assertThat(published.winners()).isEqualTo(tally.winners());
    }

    @Test
    void aDeskBallotMarksTheResidentAsHavingVotedLikeOnline() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        long camille = accountOnRegister("resident", "nord", 1990);

        desk(agent, camille, choose(1));

        assertThat(count("select count(*) from sealed_ballots where channel = 'DESK'")).isEqualTo(1);
        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, choose(0)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.vote.already");
        assertThatThrownBy(() -> desk(RESIDENT_OF_NORD, camille, choose(1))).isInstanceOf(NotAllowedException.class);
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
    }

    @Test
    void theCallsMinimumAgeNeedsADeclaredBirthYearReachedInTheYearOfTheVote() {
        callWithProjects(); // minimum age 16, vote in May 2027

        assertThatThrownBy(() -> cast(resident("sans.age", "nord", Optional.empty()), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.birthYearNeeded");
        assertThatThrownBy(() -> cast(resident("jeune", "nord", Optional.of(2012)), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.tooYoung");
        long young = inPerson("Jeune Guichet", java.time.LocalDate.of(2012, 4, 2), "nord");
        assertThatThrownBy(() -> desk(BudgetCallPersistenceContract.AGENT_OF_NORD, young, choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.desk.tooYoung");
        assertThat(count("select count(*) from vote_marks")).isZero();

        cast(resident("seize.ans", "nord", Optional.of(2011)), choose(0));
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
    }

    @Test
    void paperBallotsAreAddedAllOrNothing() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        for (int i = 0; i < 3; i++) {
            markPaper(agent, inPerson("Votant Papier" + (char) ('a' + i), java.time.LocalDate.of(1980, 1, 1 + i), "nord"));
        }
        List<Ballot> paper = List.of(choose(0), choose(0, 1), choose(0, 1, 2));

        assertThatThrownBy(() -> paperBatch(agent, UUID_A, paper, DURING_VOTE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("budget.vote.paperBallotRefused");
                    assertThat(e.arguments()).hasSize(3).startsWith(3, "budget.ballot.overEnvelope");
                    assertThat((Object[]) e.arguments()[2]).containsExactly(180_000L, 150_000L);
                });
        assertThat(count("select count(*) from ballots")).isZero();
        assertThat(count("select count(*) from paper_batches")).isZero();

        VotingService.PaperBatchResult added = paperBatch(agent, UUID_A, List.of(choose(0), choose(0, 1), choose(2)),
                PhasePlanTest.day(85));
        assertThat(added).isEqualTo(new VotingService.PaperBatchResult(3, false));
        assertThat(count("select count(*) from ballots where channel = 'PAPER'")).isEqualTo(3);
        assertThat(count("select count(*) from vote_marks where channel = 'PAPER'")).isEqualTo(3);
    }

    // --- the attacks of issue 12: each a way to a second ballot, an age limit passed, or a batch counted twice ---

    public static final String UUID_A = "7f1c1d1e-0000-4000-8000-00000000000a";
    public static final String UUID_B = "7f1c1d1e-0000-4000-8000-00000000000b";

    /** A resident of Nord born in 1990 whose account now claims another district or birth year. */
    private static Actor sameAccountClaiming(String district, Optional<Integer> birthYear) {
        return resident("resident", district, birthYear);
    }

    private long sud() {
        return db().inTransaction(em -> {
            BudgetCall call = em.find(Envelope.class, nord).getCall();
            long sud = call.findEnvelope(Optional.of(new DistrictCode("sud"))).orElseThrow().getId();
            Services.on(em).voting().addToBallot(BudgetCallPersistenceContract.OFFICE, sud, "Une fontaine", 10_000, BEFORE_VOTE);
            return sud;
        });
    }

    private Ballot firstOf(long envelope) {
        return new Ballot.Approval(Set.of(voting(v -> v.ballot(envelope)).get(0).toCandidate().id()));
    }

    private void castIn(Actor voter, long envelope, Ballot ballot, Instant now) {
        db().inTransaction(em -> {
            Services.on(em).voting().cast(voter, envelope, ballot, now);
            return null;
        });
    }

    private <T> T onRegister(Function<ResidentRegister, T> work) {
        return db().inTransaction(em -> work.apply(new ResidentRegister(em, ResidentDirectory.NONE)));
    }

    private void move(long resident, String district, Instant at) {
        onRegister(r -> {
            r.move(BudgetCallPersistenceContract.OFFICE, resident, new DistrictCode(district), "déménagement", at);
            return null;
        });
    }

    private long accountOnRegister(String username, String district, int birthYear) {
        return onRegister(r -> r.enlisted(resident(username, district, Optional.of(birthYear)),
                Optional.empty(), BEFORE_VOTE).getId());
    }

    private long inPerson(String name, java.time.LocalDate born, String district) {
        return onRegister(r -> r.enlistInPerson(BudgetCallPersistenceContract.OFFICE,
                new InPersonResident(name, born, new DistrictCode(district)), true, BEFORE_VOTE)
                .getId());
    }

    private void desk(Actor staff, long resident, Ballot ballot) {
        db().inTransaction(em -> {
            Services.on(em).voting().castAtDesk(staff, resident, nord, ballot, DURING_VOTE);
            return null;
        });
    }

    private void markPaper(Actor staff, long resident) {
        db().inTransaction(em -> {
            Services.on(em).voting().markPaperVoter(staff, resident, nord, DURING_VOTE);
            return null;
        });
    }

    private VotingService.PaperBatchResult paperBatch(Actor staff, String id, List<Ballot> ballots, Instant now) {
        return db().inTransaction(em -> Services.on(em).voting().addPaperBatch(staff, nord, id, ballots, now));
    }

    @Test
    void movingToAnotherDistrictInOnesAccountNeverGivesASecondDistrictBallot() {
        callWithProjects();
        long sud = sud();
        cast(RESIDENT_OF_NORD, choose(0));

        // the account now says Sud (edited in Keycloak), and the person signs in again
        assertThatThrownBy(() -> castIn(sameAccountClaiming("sud", Optional.of(1990)), sud, firstOf(sud), DURING_VOTE))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
        assertThat(count("select count(*) from vote_marks")).isEqualTo(1);
    }

    @Test
    void aMoveRecordedByStaffDuringTheVoteNeitherMovesTheBallotNorGivesASecondOne() {
        callWithProjects();
        long sud = sud();
        long camille = accountOnRegister("resident", "nord", 1990);
        move(camille, "sud", DURING_VOTE);

        // where the person lived when the vote opened decides, whatever the register says since
        assertThatThrownBy(() -> castIn(sameAccountClaiming("sud", Optional.of(1990)), sud, firstOf(sud),
                DURING_VOTE.plusSeconds(60))).isInstanceOf(NotAllowedException.class)
                .hasMessageStartingWith("budget.vote.otherDistrict");
        castIn(sameAccountClaiming("sud", Optional.of(1990)), nord, choose(0), DURING_VOTE.plusSeconds(60));
        assertThat(count("select count(*) from vote_marks")).isEqualTo(1);
    }

    @Test
    void aMoveBeforeTheVoteOpensChangesTheEnvelopeButNotTheNumberOfDistrictBallots() {
        callWithProjects();
        long sud = sud();
        long camille = accountOnRegister("resident", "nord", 1990);
        move(camille, "sud", BEFORE_VOTE);

        castIn(sameAccountClaiming("nord", Optional.of(1990)), sud, firstOf(sud), DURING_VOTE);
        assertThatThrownBy(() -> cast(RESIDENT_OF_NORD, choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
        assertThat(count("select count(*) from vote_marks where scope = 'DISTRICT'")).isEqualTo(1);
    }

    @Test
    void theDistrictMarkCoversEveryDistrictEnvelopeOfTheCall() {
        callWithProjects();
        long sud = sud();
        long camille = accountOnRegister("resident", "nord", 1990);
        desk(BudgetCallPersistenceContract.OFFICE, camille, choose(0));
        move(camille, "sud", BEFORE_VOTE);

        // even with the register saying Sud since before the vote (a correction), the call's district ballot is spent
        assertThatThrownBy(() -> castIn(sameAccountClaiming("sud", Optional.of(1990)), sud, firstOf(sud), DURING_VOTE))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.vote.already");
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
    }

    @Test
    void editingTheBirthYearInOnesAccountNeverPassesTheMinimumAge() {
        callWithProjects(); // minimum age 16, vote in 2027
        assertThatThrownBy(() -> cast(sameAccountClaiming("nord", Optional.of(2013)), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.tooYoung");

        assertThatThrownBy(() -> cast(sameAccountClaiming("nord", Optional.of(1990)), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.tooYoung");
        assertThat(count("select count(*) from vote_marks")).isZero();
    }

    @Test
    void anInstanceThatHasSeenAnAccountStillJudgesItOnTheRegisterAsItIsNow() {
        callWithProjects(); // minimum age 16
        long sud = sud();
        Actor voter = sameAccountClaiming("nord", Optional.of(1990));
        EntityManager em = db().entityManager();
        try {
            // one service across requests, as one instance serves them: after this refused vote it knows the account
            VotingService instance = Services.on(em).voting();
            assertThatThrownBy(() -> inOwnTransaction(em, () -> instance.cast(voter, sud, firstOf(sud), DURING_VOTE)))
                    .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.otherDistrict");
            long resident = onRegister(r -> r.findByAccount("resident").orElseThrow().getId());
            onRegister(r -> {
                r.correctBirthYear(BudgetCallPersistenceContract.OFFICE, resident, 2013, "pièce d'identité vue",
                        BEFORE_VOTE);
                return null;
            });

            assertThatThrownBy(() -> inOwnTransaction(em, () -> instance.cast(voter, nord, choose(0), DURING_VOTE)))
                    .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.tooYoung");
            onRegister(r -> {
                r.correctBirthYear(BudgetCallPersistenceContract.OFFICE, resident, 1990, "erreur de saisie",
                        BEFORE_VOTE);
                return null;
            });
            inOwnTransaction(em, () -> instance.cast(voter, nord, choose(0), DURING_VOTE));
        } finally {
            em.close();
        }
        assertThat(count("select count(*) from vote_marks")).isEqualTo(1);
        assertThat(count("select count(*) from residents")).isEqualTo(1);
    }

    private static void inOwnTransaction(EntityManager em, Runnable work) {
        em.getTransaction().begin();
        try {
            work.run();
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.clear();
        }
    }

    @Test
    void aBirthYearIsTakenFromTheAccountOnceWhenTheRegisterHasNone() {
        callWithProjects();
        assertThatThrownBy(() -> cast(sameAccountClaiming("nord", Optional.empty()), choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.vote.birthYearNeeded");

        cast(sameAccountClaiming("nord", Optional.of(1990)), choose(0));

        assertThat(count("select count(*) from resident_changes where field = 'BIRTH_YEAR'")).isEqualTo(1);
    }

    @Test
    void staffCorrectTheBirthYearWithATrace() {
        callWithProjects();
        long young = accountOnRegister("resident", "nord", 2013);
        onRegister(r -> {
            r.correctBirthYear(BudgetCallPersistenceContract.AGENT_OF_NORD, young, 1990, "pièce d'identité vue",
                    BEFORE_VOTE);
            return null;
        });

        cast(sameAccountClaiming("nord", Optional.of(2013)), choose(0));
        assertThat(count("select count(*) from resident_changes where changed_by = 'agent' and before_value = '2013'"
                + " and after_value = '1990'")).isEqualTo(1);
    }

    @Test
    void aDeskBallotAfterAnOnlineOneIsRefused() {
        callWithProjects();
        cast(RESIDENT_OF_NORD, choose(0));
        long camille = onRegister(r -> r.findByAccount("resident").orElseThrow().getId());

        assertThatThrownBy(() -> desk(BudgetCallPersistenceContract.AGENT_OF_NORD, camille, choose(1)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.desk.alreadyVoted");
        assertThatThrownBy(() -> markPaper(BudgetCallPersistenceContract.AGENT_OF_NORD, camille))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.desk.alreadyVoted");
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
    }

    /** Moderation's block holds at the desk too: staff cannot record a ballot for a blocked account, nor mark it. */
    @Test
    void aResidentBlockedByModerationVotesAtNoDeskEither() {
        callWithProjects();
        long blocked = accountOnRegister("bloque", "nord", 1980);
        db().inTransaction(em -> Services.on(em).blocks().block(new Actor("moderator", Set.of(Role.MODERATOR),
                Optional.empty(), Set.of()), "bloque", "Insultes répétées", DURING_VOTE));

        assertThatThrownBy(() -> desk(BudgetCallPersistenceContract.AGENT_OF_NORD, blocked, choose(0)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.desk.blocked");
        assertThatThrownBy(() -> markPaper(BudgetCallPersistenceContract.AGENT_OF_NORD, blocked))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.desk.blocked");
        assertThat(count("select count(*) from vote_marks")).isZero();
        assertThat(count("select count(*) from sealed_ballots")).isZero();
    }

    @Test
    void aPersonWithoutAccountVotesOnceAtAnyDesk() {
        callWithProjects();
        long voisin = inPerson("Jean Voisin", java.time.LocalDate.of(1970, 2, 3), "nord");
        desk(BudgetCallPersistenceContract.AGENT_OF_NORD, voisin, choose(0));

        assertThatThrownBy(() -> desk(BudgetCallPersistenceContract.OFFICE, voisin, choose(1)))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("budget.desk.alreadyVoted");
        assertThatThrownBy(() -> markPaper(BudgetCallPersistenceContract.OFFICE, voisin))
                .isInstanceOf(ConflictException.class);
        assertThat(count("select count(*) from sealed_ballots")).isEqualTo(1);
    }

    @Test
    void thePersonMustBeFoundBeforeBeingEnteredAgainWithoutAccount() {
        callWithProjects();
        inPerson("Jean Voisin", java.time.LocalDate.of(1970, 2, 3), "nord");
        InPersonResident again = new InPersonResident("VOISIN  jean", java.time.LocalDate.of(1970, 2, 3),
                new DistrictCode("nord"));

        List<RegisterEntry> near = onRegister(r -> r.nearDuplicates(BudgetCallPersistenceContract.AGENT_OF_NORD, again));
        assertThat(near).extracting(RegisterEntry::name).containsExactly("Jean Voisin");
        assertThatThrownBy(() -> onRegister(r -> r.enlistInPerson(BudgetCallPersistenceContract.AGENT_OF_NORD,
                again, false, DURING_VOTE))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("participation.register.checkNearDuplicates");
        assertThat(count("select count(*) from residents")).isEqualTo(1);
    }

    @Test
    void aPaperBatchEnteredTwiceIsStoredOnce() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        markPaper(agent, inPerson("Anne Papier", java.time.LocalDate.of(1980, 1, 1), "nord"));
        markPaper(agent, inPerson("Paul Papier", java.time.LocalDate.of(1981, 1, 1), "nord"));

        paperBatch(agent, UUID_A, List.of(choose(0), choose(1)), DURING_VOTE);
        VotingService.PaperBatchResult again = paperBatch(agent, UUID_A, List.of(choose(0), choose(1)), DURING_VOTE);

        assertThat(again).isEqualTo(new VotingService.PaperBatchResult(2, true));
        assertThat(count("select count(*) from ballots where channel = 'PAPER'")).isEqualTo(2);
        assertThat((Object) db().inTransaction(em -> em.createNativeQuery("select entered_by from paper_batches").getSingleResult()))
                .isEqualTo("agent");
    }

    @Test
    void aPaperBatchHoldsNoMoreBallotsThanPaperVotersMarkedAndNotYetCounted() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        markPaper(agent, inPerson("Anne Papier", java.time.LocalDate.of(1980, 1, 1), "nord"));
        markPaper(agent, inPerson("Paul Papier", java.time.LocalDate.of(1981, 1, 1), "nord"));
        paperBatch(agent, UUID_A, List.of(choose(0)), DURING_VOTE);

        assertThatThrownBy(() -> paperBatch(agent, UUID_B, List.of(choose(0), choose(1)), DURING_VOTE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("budget.paper.moreThanMarks");
                    assertThat(e.arguments()).containsExactly(2, 1L);
                });
        assertThat(count("select count(*) from ballots where channel = 'PAPER'")).isEqualTo(1);
    }

    @Test
    void noBatchIsAddedOnceTheCountIsClosedAndNobodySeesACountBefore() {
        callWithProjects();
        Actor agent = BudgetCallPersistenceContract.AGENT_OF_NORD;
        markPaper(agent, inPerson("Anne Papier", java.time.LocalDate.of(1980, 1, 1), "nord"));
        cast(RESIDENT_OF_NORD, choose(0));
        Instant afterVote = PhasePlanTest.day(85).plusSeconds(3600);

        assertThatThrownBy(() -> db().inTransaction(em -> {
            Services.on(em).voting().closeCount(agent, nord, DURING_VOTE);
            return null;
        })).isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.count.voteNotEnded");
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally().tally(agent, nord, afterVote)))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.results.notYet");

        db().inTransaction(em -> {
            Services.on(em).voting().closeCount(agent, nord, afterVote);
            return null;
        });

        assertThatThrownBy(() -> paperBatch(agent, UUID_A, List.of(choose(1)), afterVote))
                .isInstanceOf(NotAllowedException.class).hasMessageStartingWith("budget.paper.countClosed");
        assertThat(db().inTransaction(em -> Services.on(em).tally().tally(agent, nord, afterVote)).scoreOf(
                projects.get(0).toCandidate().id())).isEqualTo(1);
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).tally().tally(RESIDENT_OF_NORD, nord, afterVote)))
                .isInstanceOf(NotAllowedException.class);
    }
}
