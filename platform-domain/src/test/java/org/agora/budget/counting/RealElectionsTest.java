package org.agora.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.agora.budget.opendata.PabulibElection;
import org.agora.budget.opendata.PabulibFile;
import org.agora.budget.opendata.PabulibFiles;
import org.agora.budget.opendata.PabulibProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The platform's rules on real elections from Pabulib (src/test/resources/pabulib, README there). */
class RealElectionsTest {

    private static List<ProjectId> ids(String... ids) {
        return java.util.Arrays.stream(ids).map(ProjectId::of).toList();
    }

    /**
     * Świecie 2023 was decided with Equal Shares and add1 completion; the file's selected column is the
     * official result (17 projects, 1,040,337 PLN of 1,070,000).
     */
    @Test
    void equalSharesReproducesTheOfficialWinnersOfSwiecie() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        assertThat(swiecie.rule()).contains(TallyRule.EQUAL_SHARES);

        Tally tally = swiecie.tally(TallyRule.EQUAL_SHARES);

        assertThat(Set.copyOf(tally.winners())).isEqualTo(swiecie.officialWinners().orElseThrow());
        // the order in which the method selected them (the same as equalshares.net's reference code gives)
        assertThat(tally.winners()).isEqualTo(ids("c12", "c10", "c20", "c21", "c2", "c13", "c3", "c1", "c9",
                "c11", "c4", "c7", "c19", "c5", "c17", "c18", "c14"));
        assertThat(tally.spent()).isEqualTo(Money.of(1_040_337));
        assertThat(tally.leftover()).isEqualTo(Money.of(29_663));
        assertThat(tally.explanationKey()).isEqualTo("budget.rule.equalShares.explained");
    }

    /**
     * Wieliczka 2023 (Green Budget, "Zielony Milion") was decided with Equal Shares, add1 completion and the comparison
     * step (Pabulib: equalshares/add1-comparison; equalshares.net: 30 winners, 995,079 PLN of 1,000,000). The file's
     * selected column is the official result. Its add1 raised the shares while the next share's outcome still fit the
     * envelope: shares of 302 to 305 PLN fund 31 projects for 984,579 PLN, an outcome with no room left for another
     * approved project (where {@link TallyRule#EQUAL_SHARES} stops), and shares of 306 to 315 PLN the official 30 for
     * 995,079 PLN (project 46, 36,000 PLN, in; 66 and 67 out); at 316 PLN they would cost 1,045,079. The comparison
     * step then keeps this outcome: fewer voters prefer the greedy one.
     */
    @Test
    void equalSharesWithComparisonReproducesTheOfficialWinnersOfWieliczka() {
        PabulibElection wieliczka = PabulibFiles.election(PabulibFiles.WIELICZKA);
        assertThat(wieliczka.rule()).contains(TallyRule.EQUAL_SHARES_COMPARISON);

        Tally tally = wieliczka.tally(TallyRule.EQUAL_SHARES_COMPARISON);

        assertThat(Set.copyOf(tally.winners())).isEqualTo(wieliczka.officialWinners().orElseThrow());
        assertThat(tally.winners()).hasSize(30);
        assertThat(tally.spent()).isEqualTo(Money.of(995_079));
        assertThat(tally.winners()).isEqualTo(EqualShares.selectUntilTheNextShareOverspends(wieliczka.budget(),
                wieliczka.countedProjects(), wieliczka.ballots()));
        assertThat(Set.copyOf(wieliczka.tally(TallyRule.GREEDY).winners()))
                .isNotEqualTo(wieliczka.officialWinners().orElseThrow());
        Tally stoppingWhenExhaustive = wieliczka.tally(TallyRule.EQUAL_SHARES);
        assertThat(stoppingWhenExhaustive.spent()).isEqualTo(Money.of(984_579));
        assertThat(stoppingWhenExhaustive.winners()).hasSize(31).contains(ProjectId.of("66"), ProjectId.of("67"))
                .doesNotContain(ProjectId.of("46"));
    }

    @Test
    void greedyWouldNotHaveGivenSwiecieItsOfficialWinners() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        // the 413,000 PLN pier c8 (623 votes) takes a large share under greedy; Equal Shares leaves it out
        assertThat(swiecie.tally(TallyRule.GREEDY).winners()).contains(ProjectId.of("c8"));
        assertThat(Set.copyOf(swiecie.tally(TallyRule.GREEDY).winners()))
                .isNotEqualTo(swiecie.officialWinners().orElseThrow());
    }

    /**
     * Toulouse 2019, cumulative ballots (7 points, at most 3 on one project), greedy, budget 1,000,000 EUR.
     * Points per project from the file (they equal its score column), highest first, cost, running remainder:
     * 4: 1090, 390000 -> 610000; 16: 877, 45000 -> 565000; 13: 654, 107000 -> 458000;
     * 29: 551, 199000 -> 259000; 5: 513, 168000 -> 91000; 10: 497, 2000 -> 89000; 30: 453, 5000 -> 84000;
     * 20: 415, 2000 -> 82000; 28: 369, 100000 skipped; 1: 318, 7000 -> 75000; 18: 265, 15000 -> 60000;
     * 15: 263, 164000 skipped; 22: 256, 241000 skipped; 11: 219, 110000 skipped; 7: 186, 20000 -> 40000;
     * 25: 174, 44000 skipped; 27: 156, 10000 -> 30000; 3: 146, 50000 skipped; 6: 145, 5000 -> 25000;
     * 21: 125, 85000 skipped; 26: 111, 25000 -> 0. Nothing else fits.
     */
    @Test
    void greedyOnToulouseSelectsTheProjectsComputedByHand() {
        PabulibElection toulouse = PabulibFiles.election(PabulibFiles.TOULOUSE);
        assertThat(toulouse.rule()).contains(TallyRule.GREEDY);

        Tally tally = toulouse.tally(TallyRule.GREEDY);

        assertThat(tally.winners()).isEqualTo(ids("4", "16", "13", "29", "5", "10", "30", "20", "1", "18", "7",
                "27", "6", "26"));
        assertThat(tally.spent()).isEqualTo(Money.of(1_000_000));
        assertThat(tally.leftover()).isEqualTo(Money.ZERO);
    }

    @Test
    void toulousePointsEqualTheScoreColumnOfTheFile() {
        PabulibElection toulouse = PabulibFiles.election(PabulibFiles.TOULOUSE);
        Tally tally = toulouse.tally(TallyRule.GREEDY);
        for (PabulibProject project : toulouse.projects()) {
            assertThat(tally.scoreOf(project.id())).as(project.id().value())
                    .isEqualTo(Long.parseLong(project.columns().get("score")));
        }
    }

    @Test
    void everyToulouseBallotRespectsTheCumulativeRuleOfTheFile() {
        PabulibElection toulouse = PabulibFiles.election(PabulibFiles.TOULOUSE);
        assertThat(toulouse.votingRule()).isEqualTo(new VotingRule.Cumulative(7, 3));
        for (Ballot ballot : toulouse.ballots()) {
            toulouse.votingRule().validate(ballot, toulouse.countedProjects(), toulouse.budget());
        }
    }

    /** Toulouse without skipping stops at project 28 (100,000 EUR with 82,000 left). */
    @Test
    void greedyWithoutSkippingOnToulouseStopsAtTheFirstProjectThatDoesNotFit() {
        Tally tally = PabulibFiles.election(PabulibFiles.TOULOUSE).tally(TallyRule.GREEDY_NO_SKIP);
        assertThat(tally.winners()).isEqualTo(ids("4", "16", "13", "29", "5", "10", "30", "20"));
        assertThat(tally.leftover()).isEqualTo(Money.of(82_000));
    }

    /**
     * Dieppe 2018, approval, budget 180,000 CAD, rule unknown (probably greedy). Approvals (= the file's votes
     * column), cost, remainder: 780: 195, 45000 -> 135000; 792: 148, 45000 -> 90000; 786: 139, 3000 -> 87000;
     * 791: 115, 45000 -> 42000; 783: 113 and 784: 106 and 781: 79 at 45000 skipped; 787: 78, 40000 -> 2000;
     * every other project costs more than 2000.
     */
    @Test
    void greedyOnDieppeSelectsTheProjectsComputedByHand() {
        Tally tally = PabulibFiles.election(PabulibFiles.DIEPPE).tally(TallyRule.GREEDY);
        assertThat(tally.winners()).isEqualTo(ids("780", "792", "786", "791", "787"));
        assertThat(tally.spent()).isEqualTo(Money.of(178_000));
        assertThat(tally.leftover()).isEqualTo(Money.of(2_000));
    }

    @Test
    void approvalsPerProjectEqualTheVotesColumnOfEveryApprovalFile() {
        for (String file : List.of(PabulibFiles.SWIECIE, PabulibFiles.DIEPPE, PabulibFiles.BUDAPEST)) {
            PabulibElection election = PabulibFiles.election(file);
            Tally tally = election.tally(TallyRule.GREEDY);
            for (PabulibProject project : election.projects()) {
                assertThat(tally.scoreOf(project.id())).as(file + " " + project.id())
                        .isEqualTo(Long.parseLong(project.columns().get("votes")));
            }
        }
    }

    /**
     * Budapest VIII 2023: the official winners are not reproduced by any rule of the platform, and cannot be
     * from this file: about half the votes were on paper and are not in it, each neighbourhood had its own
     * share, and the leftover was spent by hand (see the file's comment). Greedy agrees on the 14 most
     * approved projects but then takes 4147, 4093 and 4099 (more approvals) where the city took 4162.
     */
    @Test
    void budapestOfficialWinnersAreNotAGreedyResultOfTheOnlineVotes() {
        PabulibElection budapest = PabulibFiles.election(PabulibFiles.BUDAPEST);
        Tally greedy = budapest.tally(TallyRule.GREEDY);
        assertThat(greedy.winners().subList(0, 14)).containsExactlyInAnyOrder(ids("4144", "4081", "4126", "4165",
                "4108", "4090", "4078", "4189", "4174", "4096", "4123", "4138", "4120", "4102").toArray(ProjectId[]::new));
        assertThat(budapest.officialWinners().orElseThrow()).containsAll(greedy.winners().subList(0, 14));
        assertThat(Set.copyOf(greedy.winners())).isNotEqualTo(budapest.officialWinners().orElseThrow());
        assertThat(Set.copyOf(budapest.tally(TallyRule.GREEDY_NO_SKIP).winners()))
                .isNotEqualTo(budapest.officialWinners().orElseThrow());
    }

    /**
     * Budapest VIII 2023 counted with Equal Shares: the shares start at 150,000,000 / 918 (163,398.7 HUF) and
     * add1 raises them to 238,154, where the 30 winners spend 149,300,000 of 150,000,000 and every approved
     * project left out costs more than the 700,000 left, so add1 could add nothing. Raising the shares one unit
     * at a time ({@link EqualSharesStepByOne}, 74,757 counts) took 28 minutes here, at low priority, and gave
     * these same winners in this order. Skipping the shares proven to give the same outcome takes 43 counts and
     * 944 checks of a range: 2.4 s of CPU in a fresh JVM, 0.6 s once warm, on the shared 2-core machine where
     * this was written (the test took 3 to 18 s of wall time there, depending on the load of the others).
     */
    @Test
    void equalSharesCountsBudapestUntilAdd1CanAddNothing() {
        PabulibElection budapest = PabulibFiles.election(PabulibFiles.BUDAPEST);

        Tally tally = budapest.tally(TallyRule.EQUAL_SHARES);

        assertThat(tally.winners()).isEqualTo(ids("4144", "4081", "4126", "4165", "4108", "4090", "4078", "4189",
                "4174", "4096", "4123", "4120", "4093", "4147", "4102", "4099", "4111", "4171", "4105", "4114", "4075",
                "4117", "4168", "4150", "4132", "4162", "4072", "4084", "4183", "4087"));
        assertThat(tally.spent()).isEqualTo(Money.of(149_300_000));
        assertThat(tally.leftover()).isEqualTo(Money.of(700_000));
        for (Project project : budapest.countedProjects()) {
            if (!tally.winners().contains(project.id()) && tally.scoreOf(project.id()) > 0) {
                assertThat(project.cost()).as(project.id().value()).isGreaterThan(tally.leftover());
            }
        }
    }

    /** Dieppe 2018 with Equal Shares: skipping shares gives what raising them one by one does (163 counts). */
    @Test
    void equalSharesOnDieppeGivesTheWinnersOfRaisingTheSharesOneByOne() {
        PabulibElection dieppe = PabulibFiles.election(PabulibFiles.DIEPPE);

        Tally tally = dieppe.tally(TallyRule.EQUAL_SHARES);

        assertThat(tally.winners()).isEqualTo(ids("780", "792", "786", "791", "789", "788", "779"));
        assertThat(EqualSharesStepByOne.select(dieppe.budget(), dieppe.countedProjects(), dieppe.ballots()).winners())
                .isEqualTo(tally.winners());
    }

    @ParameterizedTest
    @ValueSource(strings = {PabulibFiles.SWIECIE, PabulibFiles.TOULOUSE, PabulibFiles.BUDAPEST, PabulibFiles.DIEPPE,
            PabulibFiles.WIELICZKA})
    void everyRealFileReadsBackToTheSameElectionAfterWriting(String file) {
        PabulibElection election = PabulibFiles.election(file);
        StringWriter written = new StringWriter();
        PabulibFile.write(election, written);

        PabulibElection again = PabulibFile.read(new StringReader(written.toString()));

        assertThat(again).isEqualTo(election);
        assertThat(again.votes()).hasSize(Integer.parseInt(election.meta().get("num_votes")));
        assertThat(again.projects()).hasSize(Integer.parseInt(election.meta().get("num_projects")));
    }
}
