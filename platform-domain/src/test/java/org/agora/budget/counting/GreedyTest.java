package org.agora.budget.counting;

import static org.agora.budget.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GreedyTest {

    private static List<ProjectId> ids(String... ids) {
        return Arrays.stream(ids).map(ProjectId::of).toList();
    }

    /** 100 to spend; p1 60 (5 votes), p2 50 (4), p3 30 (3), p4 20 (1). */
    private static ElectionBuilder skipCase() {
        return ElectionBuilder.of(100).project("p1", 60).project("p2", 50).project("p3", 30).project("p4", 20)
                .approvals(1, "p1", "p2", "p3", "p4").approvals(2, "p1", "p2", "p3").approvals(1, "p1", "p2")
                .approvals(1, "p1");
    }

    @Test
    void greedySkipsAProjectThatNoLongerFitsAndGoesOn() {
        Tally tally = skipCase().count(TallyRule.GREEDY);
        // p1 leaves 40: p2 (50) is skipped, p3 (30) leaves 10, p4 (20) is skipped
        assertThat(tally.winners()).isEqualTo(ids("p1", "p3"));
        assertThat(tally.spent()).isEqualTo(Money.of(90));
        assertThat(tally.leftover()).isEqualTo(Money.of(10));
        assertThat(tally.scores()).containsExactly(Map.entry(ProjectId.of("p1"), 5L), Map.entry(ProjectId.of("p2"), 4L),
                Map.entry(ProjectId.of("p3"), 3L), Map.entry(ProjectId.of("p4"), 1L));
        assertThat(tally.explanationKey()).isEqualTo("budget.rule.greedy.explained");
    }

    @Test
    void greedyWithoutSkippingStopsAtTheFirstProjectThatDoesNotFit() {
        Tally tally = skipCase().count(TallyRule.GREEDY_NO_SKIP);
        assertThat(tally.winners()).isEqualTo(ids("p1"));
        assertThat(tally.leftover()).isEqualTo(Money.of(40));
        assertThat(tally.explanationKey()).isEqualTo("budget.rule.greedyNoSkip.explained");
    }

    @Test
    void greedyFromEachProjectsTotalGivesTheSameTallyAsFromTheBallots() {
        VotingRule approvals = new VotingRule.Approval(0, 4);
        for (TallyRule rule : List.of(TallyRule.GREEDY, TallyRule.GREEDY_NO_SKIP)) {
            assertThat(skipCase().countFromTotals(rule, approvals)).isEqualTo(skipCase().count(rule, approvals));
        }
        // ties, and a project nobody voted for (scored 0, never selected)
        ElectionBuilder ties = ElectionBuilder.of(40).project("a", 30).project("c10", 20).project("c2", 20)
                .project("z", 1).approvals(2, "a", "c10", "c2");
        assertThat(ties.countFromTotals(TallyRule.GREEDY, approvals)).isEqualTo(ties.count(TallyRule.GREEDY, approvals));
    }

    @Test
    void totalsNamingAnUnknownProjectAreRefusedAndEqualSharesNeedsEachBallot() {
        refused(() -> TallyRule.GREEDY.count(Money.of(10), List.of(Project.of("a", 5)), Map.of(ProjectId.of("b"), 1L)),
                "budget.ballot.unknownProject", "b");
        assertThat(TallyRule.GREEDY.needsEachBallot()).isFalse();
        assertThat(TallyRule.GREEDY_NO_SKIP.needsEachBallot()).isFalse();
        assertThat(TallyRule.EQUAL_SHARES.needsEachBallot()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TallyRule.EQUAL_SHARES.count(Money.of(10),
                List.of(Project.of("a", 5)), Map.of(ProjectId.of("a"), 1L))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void greedyTieGoesToTheCheaperProjectThenToTheFirstIdentifier() {
        // three projects with 2 votes each: c10 and c2 cost 20, a costs 30; only 40 to spend
        Tally tally = ElectionBuilder.of(40).project("a", 30).project("c10", 20).project("c2", 20)
                .approvals(2, "a", "c10", "c2").count(TallyRule.GREEDY);
        assertThat(tally.winners()).isEqualTo(ids("c2", "c10"));
        assertThat(tally.leftover()).isEqualTo(Money.ZERO);
    }

    @Test
    void greedyTieOnVotesAndCostFollowsTheNaturalOrderOfIdentifiers() {
        Tally tally = ElectionBuilder.of(20).project("c10", 20).project("c9", 20)
                .approvals(1, "c10", "c9").count(TallyRule.GREEDY);
        assertThat(tally.winners()).isEqualTo(ids("c9"));
    }

    @Test
    void moreVotesWinOverLowerCost() {
        Tally tally = ElectionBuilder.of(50).project("cheap", 10).project("dear", 50)
                .approvals(2, "dear").approvals(1, "cheap").count(TallyRule.GREEDY);
        assertThat(tally.winners()).isEqualTo(ids("dear"));
        assertThat(tally.leftover()).isEqualTo(Money.ZERO);
    }

    @Test
    void projectNobodyVotedForIsNeverSelected() {
        Tally tally = ElectionBuilder.of(100).project("wanted", 10).project("ignored", 10)
                .approvals(3, "wanted").count(TallyRule.GREEDY);
        assertThat(tally.winners()).isEqualTo(ids("wanted"));
        assertThat(tally.scoreOf(ProjectId.of("ignored"))).isZero();
        assertThat(tally.leftover()).isEqualTo(Money.of(90));
    }

    @Test
    void envelopeWithoutBallotsSelectsNothing() {
        Tally tally = ElectionBuilder.of(100).project("a", 10).count(TallyRule.GREEDY);
        assertThat(tally.winners()).isEmpty();
        assertThat(tally.leftover()).isEqualTo(Money.of(100));
    }

    @Test
    void greedyCountsPointsOfCumulativeBallots() {
        // a: 3 + 1 = 4 points from 2 voters; b: 2 + 3 = 5 points from 2 voters; c: 3 points from 1 voter
        Tally tally = ElectionBuilder.of(60).project("a", 30).project("b", 40).project("c", 20)
                .ballot(new Ballot.Cumulative(Map.of(ProjectId.of("a"), 3, ProjectId.of("b"), 2)))
                .ballot(new Ballot.Cumulative(Map.of(ProjectId.of("a"), 1, ProjectId.of("b"), 3, ProjectId.of("c"), 3)))
                .count(TallyRule.GREEDY, new VotingRule.Cumulative(7, 3));
        assertThat(tally.scores()).containsExactly(Map.entry(ProjectId.of("a"), 4L), Map.entry(ProjectId.of("b"), 5L),
                Map.entry(ProjectId.of("c"), 3L));
        // b (40) leaves 20: a (30) is skipped, c (20) fits
        assertThat(tally.winners()).isEqualTo(ids("b", "c"));
    }

    @Test
    void greedyCountsRankPointsOfOrdinalBallots() {
        // ranks 3: first 3 points, second 2, third 1. x: 3+1 = 4, y: 2+3 = 5, z: 1+2 = 3
        Tally tally = ElectionBuilder.of(50).project("x", 30).project("y", 30).project("z", 20)
                .ballot(Ballot.Ordinal.of("x", "y", "z"))
                .ballot(Ballot.Ordinal.of("y", "z", "x"))
                .count(TallyRule.GREEDY, new VotingRule.Ordinal(3));
        assertThat(tally.scoreOf(ProjectId.of("x"))).isEqualTo(4);
        assertThat(tally.scoreOf(ProjectId.of("y"))).isEqualTo(5);
        assertThat(tally.scoreOf(ProjectId.of("z"))).isEqualTo(3);
        assertThat(tally.winners()).isEqualTo(ids("y", "z"));
    }

    @Test
    void ballotForAProjectOutsideTheEnvelopeCannotBeCounted() {
        refused(() -> ElectionBuilder.of(50).project("x", 30).approvals(1, "pool").count(TallyRule.GREEDY),
                "budget.ballot.unknownProject", "pool");
    }

    @Test
    void sameProjectTwiceInAnEnvelopeCannotBeCounted() {
        refused(() -> ElectionBuilder.of(50).project("x", 30).project("x", 20).count(TallyRule.GREEDY),
                "budget.project.duplicate", "x");
    }

    @Test
    void pabulibNamesOfTheRules() {
        assertThat(TallyRule.fromPabulibName("greedy")).contains(TallyRule.GREEDY);
        assertThat(TallyRule.fromPabulibName("greedy-no-skip")).contains(TallyRule.GREEDY_NO_SKIP);
        assertThat(TallyRule.fromPabulibName("equalshares/add1")).contains(TallyRule.EQUAL_SHARES);
        assertThat(TallyRule.fromPabulibName("unknown")).isEmpty();
    }
}
