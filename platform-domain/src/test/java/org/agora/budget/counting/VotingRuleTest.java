package org.agora.budget.counting;

import static org.agora.budget.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class VotingRuleTest {

    private static final List<Project> PROJECTS = List.of(
            Project.of("bench", 30_000), Project.of("trees", 50_000), Project.of("lights", 40_000),
            Project.of("garden", 20_000));
    private static final Money ENVELOPE = Money.of(100_000);

    private static Ballot.Cumulative points(Object... idThenPoints) {
        Map<ProjectId, Integer> points = new LinkedHashMap<>();
        for (int i = 0; i < idThenPoints.length; i += 2) {
            points.put(ProjectId.of((String) idThenPoints[i]), (Integer) idThenPoints[i + 1]);
        }
        return new Ballot.Cumulative(points);
    }

    private static void accepted(VotingRule rule, Ballot ballot) {
        assertThatCode(() -> rule.validate(ballot, PROJECTS, ENVELOPE)).doesNotThrowAnyException();
    }

    @Test
    void approvalBetweenMinAndMaxChoicesIsAccepted() {
        VotingRule rule = new VotingRule.Approval(1, 3);
        accepted(rule, Ballot.Approval.of("bench"));
        accepted(rule, Ballot.Approval.of("bench", "trees", "lights"));
    }

    @Test
    void approvalWithTooFewChoicesIsRefused() {
        refused(() -> new VotingRule.Approval(2, 3).validate(Ballot.Approval.of("bench"), PROJECTS, ENVELOPE),
                "budget.ballot.tooFewChoices", 2, 1);
    }

    @Test
    void approvalWithTooManyChoicesIsRefused() {
        refused(() -> new VotingRule.Approval(1, 2)
                        .validate(Ballot.Approval.of("bench", "trees", "lights"), PROJECTS, ENVELOPE),
                "budget.ballot.tooManyChoices", 2, 3);
    }

    @Test
    void approvalOfAProjectNotInTheEnvelopeIsRefused() {
        refused(() -> new VotingRule.Approval(1, 3).validate(Ballot.Approval.of("bench", "pool"), PROJECTS, ENVELOPE),
                "budget.ballot.unknownProject", "pool");
    }

    @Test
    void approvalRuleWithMinAboveMaxCannotBeSet() {
        refused(() -> new VotingRule.Approval(3, 2), "budget.rule.choicesOutOfRange", 3, 2);
    }

    @Test
    void knapsackBallotThatFitsTheEnvelopeExactlyIsAccepted() {
        accepted(new VotingRule.Knapsack(), Ballot.Approval.of("bench", "trees", "garden"));
    }

    @Test
    void knapsackBallotOverTheEnvelopeIsRefused() {
        refused(() -> new VotingRule.Knapsack()
                        .validate(Ballot.Approval.of("bench", "trees", "lights"), PROJECTS, ENVELOPE),
                "budget.ballot.overEnvelope", 120_000L, 100_000L);
    }

    @Test
    void emptyKnapsackBallotIsRefused() {
        refused(() -> new VotingRule.Knapsack().validate(Ballot.Approval.of(), PROJECTS, ENVELOPE),
                "budget.ballot.tooFewChoices", 1, 0);
    }

    @Test
    void knapsackBallotWithAnUnknownProjectIsRefusedBeforeItsCostIsAdded() {
        refused(() -> new VotingRule.Knapsack().validate(Ballot.Approval.of("pool"), PROJECTS, ENVELOPE),
                "budget.ballot.unknownProject", "pool");
    }

    @Test
    void cumulativeBallotWithinBothLimitsIsAccepted() {
        accepted(new VotingRule.Cumulative(7, 3), points("bench", 3, "trees", 3, "lights", 1));
    }

    @Test
    void cumulativeBallotOverTheTotalIsRefused() {
        refused(() -> new VotingRule.Cumulative(7, 3)
                        .validate(points("bench", 3, "trees", 3, "lights", 2), PROJECTS, ENVELOPE),
                "budget.ballot.tooManyPoints", 7, 8L);
    }

    @Test
    void cumulativeBallotOverThePerProjectLimitIsRefused() {
        refused(() -> new VotingRule.Cumulative(7, 3).validate(points("bench", 4), PROJECTS, ENVELOPE),
                "budget.ballot.tooManyPointsOnOne", 3, "bench", 4);
    }

    @Test
    void cumulativeBallotWithZeroOrNegativePointsIsRefused() {
        refused(() -> new VotingRule.Cumulative(7, 3).validate(points("bench", 0), PROJECTS, ENVELOPE),
                "budget.ballot.pointsNotPositive", "bench", 0);
        refused(() -> new VotingRule.Cumulative(7, 3).validate(points("bench", 3, "trees", -2), PROJECTS, ENVELOPE),
                "budget.ballot.pointsNotPositive", "trees", -2);
    }

    @Test
    void aCumulativeBallotWithoutANumberOfPointsIsRefusedAsItIsMade() {
        java.util.Map<ProjectId, Integer> points = new java.util.HashMap<>();
        points.put(ProjectId.of("bench"), 2);
        points.put(ProjectId.of("trees"), null);
        refused(() -> new Ballot.Cumulative(points), "budget.ballot.pointsMissing", "trees");
    }

    @Test
    void cumulativeBallotForAnUnknownProjectIsRefused() {
        refused(() -> new VotingRule.Cumulative(7, 3).validate(points("pool", 1), PROJECTS, ENVELOPE),
                "budget.ballot.unknownProject", "pool");
    }

    @Test
    void emptyCumulativeBallotIsRefused() {
        refused(() -> new VotingRule.Cumulative(7, 3).validate(points(), PROJECTS, ENVELOPE),
                "budget.ballot.tooFewChoices", 1, 0);
    }

    @Test
    void ordinalBallotRankingUpToTheLimitIsAccepted() {
        accepted(new VotingRule.Ordinal(3), Ballot.Ordinal.of("trees", "bench", "garden"));
        accepted(new VotingRule.Ordinal(3), Ballot.Ordinal.of("trees"));
    }

    @Test
    void ordinalBallotRankingTooManyProjectsIsRefused() {
        refused(() -> new VotingRule.Ordinal(2).validate(Ballot.Ordinal.of("trees", "bench", "garden"), PROJECTS,
                ENVELOPE), "budget.ballot.tooManyChoices", 2, 3);
    }

    @Test
    void ordinalBallotRankingAProjectTwiceIsRefused() {
        refused(() -> new VotingRule.Ordinal(3).validate(Ballot.Ordinal.of("trees", "bench", "trees"), PROJECTS,
                ENVELOPE), "budget.ballot.duplicateRank", "trees");
    }

    @Test
    void ordinalBallotWithAnUnknownProjectIsRefused() {
        refused(() -> new VotingRule.Ordinal(3).validate(Ballot.Ordinal.of("pool"), PROJECTS, ENVELOPE),
                "budget.ballot.unknownProject", "pool");
    }

    @Test
    void ballotOfAnotherTypeThanTheCallsIsRefused() {
        refused(() -> new VotingRule.Cumulative(7, 3).validate(Ballot.Approval.of("bench"), PROJECTS, ENVELOPE),
                "budget.ballot.wrongType", "Cumulative", "Approval");
        refused(() -> new VotingRule.Approval(1, 3).validate(Ballot.Ordinal.of("bench"), PROJECTS, ENVELOPE),
                "budget.ballot.wrongType", "Approval", "Ordinal");
    }

    @Test
    void ordinalBallotGivesTheRanksPointsFromTheTopDown() {
        assertThat(new VotingRule.Ordinal(3).points(Ballot.Ordinal.of("trees", "bench", "garden")))
                .containsExactly(Map.entry(ProjectId.of("trees"), 3L), Map.entry(ProjectId.of("bench"), 2L),
                        Map.entry(ProjectId.of("garden"), 1L));
        assertThat(new VotingRule.Ordinal(5).points(Ballot.Ordinal.of("trees")))
                .containsExactly(Map.entry(ProjectId.of("trees"), 5L));
    }

    @Test
    void approvalAndKnapsackBallotsGiveOneVoteEach() {
        assertThat(new VotingRule.Knapsack().points(Ballot.Approval.of("trees", "bench")))
                .containsOnly(Map.entry(ProjectId.of("trees"), 1L), Map.entry(ProjectId.of("bench"), 1L));
    }

    private static final List<VotingRule> ONE_OF_EACH = List.of(new VotingRule.Approval(1, 3), new VotingRule.Knapsack(),
            new VotingRule.Cumulative(10, 4), new VotingRule.Ordinal(3));

    @Test
    void everyRuleIsBuiltBackFromItsKindAndSettings() {
        for (VotingRule rule : ONE_OF_EACH) {
            assertThat(VotingRule.of(rule.kind(), rule.settings())).isEqualTo(rule);
            assertThat(VotingRule.Kind.fromCode(rule.kind().code())).contains(rule.kind());
        }
    }

    @Test
    void theKindsKeepTheCodesTheDatabaseAndTheApiUse() {
        assertThat(VotingRule.Kind.values()).extracting(VotingRule.Kind::code)
                .containsExactly("APPROVAL", "KNAPSACK", "CUMULATIVE", "ORDINAL");
        assertThat(VotingRule.Kind.fromCode("approval")).isEmpty();
        assertThat(VotingRule.Kind.fromCode(null)).isEmpty();
        assertThat(ONE_OF_EACH).filteredOn(rule -> rule.kind().approves())
                .containsExactly(new VotingRule.Approval(1, 3), new VotingRule.Knapsack());
    }

    @Test
    void aSettingTheKindUsesIsRequiredByItsName() {
        VotingRule.Settings none = new VotingRule.Settings(null, null, null, null, null);
        assertThatThrownBy(() -> VotingRule.of(VotingRule.Kind.APPROVAL, new VotingRule.Settings(1, null, 9, 9, 9)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("max"));
        assertThatThrownBy(() -> VotingRule.of(VotingRule.Kind.CUMULATIVE, none))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("totalPoints"));
        assertThatThrownBy(() -> VotingRule.of(VotingRule.Kind.ORDINAL, none))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("ranks"));
        assertThat(VotingRule.of(VotingRule.Kind.KNAPSACK, none)).isEqualTo(new VotingRule.Knapsack());
    }

    @Test
    void aBallotIsReadBackFromThePointsItGave() {
        Ballot approval = Ballot.Approval.of("a", "c");
        Ballot cumulative = points("a", 3, "b", 1);
        Ballot ranking = Ballot.Ordinal.of("c", "a", "b");
        Map<VotingRule, Ballot> ballots = Map.of(new VotingRule.Approval(1, 3), approval,
                new VotingRule.Knapsack(), approval, new VotingRule.Cumulative(10, 4), cumulative,
                new VotingRule.Ordinal(3), ranking);

        ballots.forEach((rule, ballot) -> {
            Map<ProjectId, Integer> stored = new LinkedHashMap<>();
            rule.points(ballot).forEach((id, points) -> stored.put(id, points.intValue()));
            assertThat(rule.fromPoints(stored)).as(rule.kind().code()).isEqualTo(ballot);
        });
    }

    @Test
    void aSealedBallotIsPaddedToTheMostProjectsAValidBallotCanName() {
        // garden 20,000 + bench 30,000 + lights 40,000 = 90,000 fit in 100,000; no four projects do
        assertThat(new VotingRule.Knapsack().mostChoices(PROJECTS, ENVELOPE)).isEqualTo(3);
        accepted(new VotingRule.Knapsack(), Ballot.Approval.of("garden", "bench", "lights"));
        assertThat(new VotingRule.Knapsack().mostChoices(PROJECTS, Money.of(19_999))).isZero();
        assertThat(new VotingRule.Knapsack().mostChoices(PROJECTS, Money.of(140_000))).isEqualTo(4);
        assertThat(new VotingRule.Approval(1, 3).mostChoices(PROJECTS, ENVELOPE)).isEqualTo(3);
        assertThat(new VotingRule.Approval(1, 9).mostChoices(PROJECTS, ENVELOPE)).isEqualTo(4);
        assertThat(new VotingRule.Cumulative(3, 2).mostChoices(PROJECTS, ENVELOPE)).isEqualTo(3);
        accepted(new VotingRule.Cumulative(3, 2), points("bench", 1, "trees", 1, "garden", 1));
        assertThat(new VotingRule.Cumulative(10, 5).mostChoices(PROJECTS, ENVELOPE)).isEqualTo(4);
        assertThat(new VotingRule.Ordinal(2).mostChoices(PROJECTS, ENVELOPE)).isEqualTo(2);
        assertThat(new VotingRule.Ordinal(7).mostChoices(PROJECTS, ENVELOPE)).isEqualTo(4);
    }
}
