package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
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
import org.agora.budget.opendata.OpenDataPersistenceContract;
import org.agora.budget.opendata.PabulibElection;
import org.agora.budget.opendata.PabulibFiles;
import org.agora.budget.project.BudgetProject;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The greedy counts from the database's sum of points per project give the same tally as counting every stored
 * ballot one by one, for each ballot rule; Equal Shares still counts each ballot. Run on H2 and on PostgreSQL.
 */
abstract class TallyPersistenceContract extends DatabaseTest {

    static final Instant DURING_VOTE = PhasePlanTest.day(75);
    static final Instant RESULTS = PhasePlanTest.day(90);

    /** Costs of the north envelope's projects (150,000 to spend): some fit together, the dearest alone. */
    private static final long[] COSTS = {40_000, 20_000, 120_000, 35_000, 20_000, 60_000, 5_000, 90_000};

    private record Election(long envelope, Money amount, List<Project> projects, VotingRule rule) {
    }

    /** A call with these rules whose north envelope got {@code voters} random valid paper ballots (seeded). */
    private Election election(VotingRule votingRule, TallyRule tallyRule, int voters, long seed) {
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(BudgetCallPersistenceContract.OFFICE,
                BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(), votingRule, tallyRule)));
        long nord = db().inTransaction(em -> Services.on(em).budget().getCall(call.getId())
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        for (int i = 0; i < COSTS.length; i++) {
            String title = "Projet " + (i + 1);
            long cost = COSTS[i];
            db().inTransaction(em -> Services.on(em).voting().addToBallot(BudgetCallPersistenceContract.OFFICE, nord, title,
                    cost, PhasePlanTest.day(60)));
        }
        List<Project> projects = db().inTransaction(em -> Services.on(em).voting().ballot(nord).stream()
                .map(BudgetProject::toCandidate).toList());
        Money amount = Money.of(150_000);
        Random random = new Random(seed);
        List<Ballot> ballots = new ArrayList<>();
        while (ballots.size() < voters) {
            Ballot ballot = randomBallot(votingRule, projects, random);
            try {
                votingRule.validate(ballot, projects, amount);
                ballots.add(ballot);
            } catch (InvalidInputException tooDear) {
                // a knapsack ballot over the envelope: draw another
            }
        }
        // stored as counted paper ballots: what is tested here is the count, not who may vote
        db().inTransaction(em -> {
            Ballots.storeAll(em, nord, ballots.stream().map(votingRule::points).toList(), Channel.PAPER);
            return null;
        });
        return new Election(nord, amount, projects, votingRule);
    }

    private static Ballot randomBallot(VotingRule rule, List<Project> projects, Random random) {
        List<ProjectId> shuffled = new ArrayList<>(projects.stream().map(Project::id).toList());
        Collections.shuffle(shuffled, random);
        int size = 1 + random.nextInt(3);
        List<ProjectId> chosen = shuffled.subList(0, size);
        if (rule instanceof VotingRule.Cumulative) {
            Map<ProjectId, Integer> points = new LinkedHashMap<>();
            chosen.forEach(id -> points.put(id, 1 + random.nextInt(2)));
            return new Ballot.Cumulative(points);
        }
        if (rule instanceof VotingRule.Ordinal) {
            return new Ballot.Ordinal(chosen);
        }
        return new Ballot.Approval(new LinkedHashSet<>(chosen));
    }

    private Tally eachBallot(Election e, TallyRule rule) {
        return db().inTransaction(em -> rule.count(e.amount(), e.projects(), e.rule(), Ballots.of(em, e.envelope(), e.rule())));
    }

    private Tally summed(Election e, TallyRule rule) {
        return db().inTransaction(em -> rule.count(e.amount(), e.projects(), Ballots.scores(em, e.envelope())));
    }

    private Tally service(Election e) {
        return db().inTransaction(em -> Services.on(em).tally().tally(VotingPersistenceContract.RESIDENT_OF_NORD, e.envelope(), RESULTS));
    }

    @Test
    void aFinalCountIsCountedOncePerInstance() {
        Election e = election(new VotingRule.Approval(1, 3), TallyRule.EQUAL_SHARES, 30, 11);
        db().inTransaction(em -> {
            TallyService service = Services.on(em).tally();
            java.time.Instant countingStill = PhasePlanTest.day(86).minusSeconds(60); // vote over, count not closed
            assertThatThrownBy(() -> service.tally(BudgetCallPersistenceContract.OFFICE, e.envelope(), countingStill))
                    .as("nobody sees a count a paper batch may still change").isInstanceOf(NotAllowedException.class);
            assertThat(service.finalsKept()).isZero();
            Tally first = service.tally(VotingPersistenceContract.RESIDENT_OF_NORD, e.envelope(), RESULTS);
            Tally again = service.tally(VotingPersistenceContract.RESIDENT_OF_NORD, e.envelope(), RESULTS);
            assertThat(again).isSameAs(first);
            assertThat(first).isEqualTo(eachBallot(e, TallyRule.EQUAL_SHARES));
            assertThat(service.finalsKept()).isEqualTo(1);
            return null;
        });
    }

    static List<Arguments> greedyCountsAndBallotRules() {
        List<Arguments> cases = new ArrayList<>();
        for (VotingRule votingRule : List.of(new VotingRule.Approval(1, 3), new VotingRule.Knapsack(),
                new VotingRule.Cumulative(6, 2), new VotingRule.Ordinal(3))) {
            for (TallyRule tallyRule : List.of(TallyRule.GREEDY, TallyRule.GREEDY_NO_SKIP)) {
                cases.add(Arguments.of(votingRule, tallyRule));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("greedyCountsAndBallotRules")
    void theGreedyCountsFromTheDatabaseSumEqualCountingEachBallot(VotingRule votingRule, TallyRule tallyRule) {
        Election e = election(votingRule, tallyRule, 60, votingRule.hashCode() + tallyRule.ordinal());

        Tally eachBallot = eachBallot(e, tallyRule);
        Tally summed = summed(e, tallyRule);

        assertThat(summed).isEqualTo(eachBallot);
        assertThat(service(e)).isEqualTo(eachBallot);
        assertThat(summed.winners()).isNotEmpty();
        assertThat(summed.scores()).hasSize(COSTS.length);
    }

    @Test
    void aProjectNobodyChoseScoresZeroAndTiesBreakAlikeOnBothPaths() {
        // a handful of ballots: many ties on votes, some projects without a single vote
        Election e = election(new VotingRule.Approval(1, 3), TallyRule.GREEDY, 4, 7);

        Tally summed = summed(e, TallyRule.GREEDY);

        assertThat(summed).isEqualTo(eachBallot(e, TallyRule.GREEDY));
        assertThat(summed.scores().values()).contains(0L);
        assertThat(summed.winners()).allSatisfy(w -> assertThat(summed.scoreOf(w)).isPositive());
    }

    @Test
    void theRealElectionOfToulouseCountsTheSameFromTheDatabaseSum() {
        PabulibElection toulouse = PabulibFiles.election(PabulibFiles.TOULOUSE);
        long envelope = db().inTransaction(em -> Services.on(em).openData().importElection(BudgetCallPersistenceContract.OFFICE,
                "Toulouse 2019", 2019, toulouse, OpenDataPersistenceContract.NOW)).getId();
        List<Project> projects = db().inTransaction(em -> Services.on(em).voting().ballot(envelope).stream()
                .map(BudgetProject::toCandidate).toList());
        Map<ProjectId, ProjectId> fileIdOf = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            fileIdOf.put(projects.get(i).id(), toulouse.projects().get(i).id());
        }
        Election e = new Election(envelope, toulouse.budget(), projects, toulouse.votingRule());

        Tally fromDatabase = db().inTransaction(em -> Services.on(em).tally()
                .tally(VotingPersistenceContract.RESIDENT_OF_NORD, envelope, OpenDataPersistenceContract.NOW));

        assertThat(fromDatabase).isEqualTo(eachBallot(e, TallyRule.GREEDY));
        assertThat(fromDatabase.winners().stream().map(fileIdOf::get).toList())
                .isEqualTo(toulouse.tally(TallyRule.GREEDY).winners());
    }

    @Test
    void aChoiceOfAProjectNoLongerOnTheBallotIsRefusedOnBothPaths() throws Exception {
        Election e = election(new VotingRule.Approval(1, 3), TallyRule.GREEDY, 30, 3);
        db().sql("update budget_projects set on_ballot = false where id = " + e.projects().get(0).id().value());
        List<Project> onBallot = e.projects().subList(1, e.projects().size());
        Election shrunk = new Election(e.envelope(), e.amount(), onBallot, e.rule());

        assertThatThrownBy(() -> eachBallot(shrunk, TallyRule.GREEDY)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("budget.ballot.unknownProject");
        assertThatThrownBy(() -> summed(shrunk, TallyRule.GREEDY)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("budget.ballot.unknownProject");
        assertThatThrownBy(() -> service(shrunk)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("budget.ballot.unknownProject");
    }

    static List<VotingRule> ballotRules() {
        return List.of(new VotingRule.Approval(1, 3), new VotingRule.Cumulative(6, 2), new VotingRule.Ordinal(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ballotRules")
    void ballotsReadInPagesOfAFewChoicesAreTheBallotsReadAtOnce(VotingRule rule) {
        Election e = election(rule, TallyRule.GREEDY, 25, 11);
        List<Ballot> atOnce = db().inTransaction(em -> Ballots.of(em, e.envelope(), rule, 1_000));
        assertThat(atOnce).as("every ballot of the envelope").hasSize(25);
        for (int page : new int[] {1, 2, 3, 7}) {
            // a page ends inside a ballot (its other choices on the next page) or between two
            List<Ballot> paged = db().inTransaction(em -> Ballots.of(em, e.envelope(), rule, page));
            assertThat(paged).as("pages of " + page).isEqualTo(atOnce);
        }
    }

    @Test
    void equalSharesStillCountsEachBallot() {
        Election e = election(new VotingRule.Approval(1, 3), TallyRule.EQUAL_SHARES, 40, 5);

        assertThat(TallyRule.EQUAL_SHARES.needsEachBallot()).isTrue();
        assertThatThrownBy(() -> summed(e, TallyRule.EQUAL_SHARES)).isInstanceOf(IllegalStateException.class);
        assertThat(service(e)).isEqualTo(eachBallot(e, TallyRule.EQUAL_SHARES));
        Set<ProjectId> chosen = db().inTransaction(em -> Ballots.of(em, e.envelope(), e.rule())).stream()
                .flatMap(b -> b.projects().stream()).collect(Collectors.toSet());
        assertThat(service(e).winners()).isNotEmpty().allSatisfy(w -> assertThat(chosen).contains(w));
    }
}
