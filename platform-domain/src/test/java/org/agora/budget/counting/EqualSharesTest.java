package org.agora.budget.counting;

import static org.agora.budget.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EqualSharesTest {

    private static List<ProjectId> ids(String... ids) {
        return Arrays.stream(ids).map(ProjectId::of).toList();
    }

    /**
     * 10 voters share 100 (10 each). 6 approve a1..a5, 4 approve b1 and b2; every project costs 20.
     * a-projects cost their 6 supporters 20/6 each (price 1/6 per unit of cost), b-projects 5 each (1/4):
     * a1, a2, a3 empty the a-voters' 60 exactly, then b1 and b2 the b-voters' 40. Greedy would spend all
     * on a1..a5 (6 votes each): the 40 % get nothing.
     */
    @Test
    void eachGroupOfVotersControlsItsShareOfTheEnvelope() {
        ElectionBuilder envelope = ElectionBuilder.of(100).project("a1", 20).project("a2", 20).project("a3", 20)
                .project("a4", 20).project("a5", 20).project("b1", 20).project("b2", 20)
                .approvals(6, "a1", "a2", "a3", "a4", "a5").approvals(4, "b1", "b2");

        Tally tally = envelope.count(TallyRule.EQUAL_SHARES);

        assertThat(tally.winners()).isEqualTo(ids("a1", "a2", "a3", "b1", "b2"));
        assertThat(tally.spent()).isEqualTo(Money.of(100));
        assertThat(envelope.count(TallyRule.GREEDY).winners()).isEqualTo(ids("a1", "a2", "a3", "a4", "a5"));
    }

    /**
     * The comparison step (equalshares/add1-comparison) on the election above: Equal Shares funds a1, a2, a3, b1, b2,
     * greedy a1..a5. Each of the 6 a-voters has 3 approved projects funded one way and 5 the other: 6 prefer greedy;
     * each of the 4 b-voters 2 against 0: 4 prefer Equal Shares. 6 > 4, so the greedy outcome is chosen.
     */
    @Test
    void comparisonStepChoosesGreedyWhenMoreVotersPreferIt() {
        ElectionBuilder envelope = ElectionBuilder.of(100).project("a1", 20).project("a2", 20).project("a3", 20)
                .project("a4", 20).project("a5", 20).project("b1", 20).project("b2", 20)
                .approvals(6, "a1", "a2", "a3", "a4", "a5").approvals(4, "b1", "b2");

        Tally tally = envelope.count(TallyRule.EQUAL_SHARES_COMPARISON);

        assertThat(tally.winners()).isEqualTo(ids("a1", "a2", "a3", "a4", "a5"));
        assertThat(tally.rule()).isEqualTo(TallyRule.EQUAL_SHARES_COMPARISON);
    }

    /**
     * 5 voters approve a1..a5, 5 approve b1 and b2, all at 20 of 100. Shares of 10 fund a1, a2, b1, b2 (4 from each
     * supporter) and leave 20, where a3 fits; add1 raises the shares to 12, where the a-voters pay a1, a2 and a3 and
     * the b-voters b1 and b2: 100 spent. Greedy (5 votes each, ties by identifier) funds a1..a5. 5 a-voters prefer
     * greedy (5 against 3), 5 b-voters Equal Shares (2 against 0): a tie keeps the Equal Shares outcome.
     */
    @Test
    void comparisonStepKeepsEqualSharesUnlessMoreVotersPreferGreedy() {
        ElectionBuilder envelope = ElectionBuilder.of(100).project("a1", 20).project("a2", 20).project("a3", 20)
                .project("a4", 20).project("a5", 20).project("b1", 20).project("b2", 20)
                .approvals(5, "a1", "a2", "a3", "a4", "a5").approvals(5, "b1", "b2");

        assertThat(envelope.count(TallyRule.GREEDY).winners()).isEqualTo(ids("a1", "a2", "a3", "a4", "a5"));
        assertThat(Set.copyOf(envelope.count(TallyRule.EQUAL_SHARES_COMPARISON).winners()))
                .isEqualTo(Set.copyOf(ids("a1", "a2", "a3", "b1", "b2")));
        assertThat(envelope.count(TallyRule.EQUAL_SHARES_COMPARISON).winners())
                .isEqualTo(envelope.count(TallyRule.EQUAL_SHARES).winners());
    }

    /**
     * Three payments of 20/6 empty a share of 10 exactly; in floating point the third would exceed what is
     * left by a rounding error and a3 would not be affordable.
     */
    @Test
    void exactFractionsLetSupportersSpendTheirWholeShare() {
        Tally tally = ElectionBuilder.of(60).project("a1", 20).project("a2", 20).project("a3", 20)
                .approvals(6, "a1", "a2", "a3").count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEqualTo(ids("a1", "a2", "a3"));
        assertThat(tally.leftover()).isEqualTo(Money.ZERO);
    }

    /**
     * 2 voters, 50 each. b (40) is approved by both: 20 each, price 1/2. a (60) by voter 1 only, who cannot
     * pay it. Without completion only b is selected (40 spent). Add1 raises the shares one unit at a time;
     * at 80 each voter 1 still holds 60 after b and pays a alone: b then a, 100 spent, nothing else to buy.
     */
    @Test
    void add1CompletionRaisesSharesUntilTheEnvelopeIsUsed() {
        ElectionBuilder envelope = ElectionBuilder.of(100).project("a", 60).project("b", 40)
                .approvals(1, "a", "b").approvals(1, "b");

        assertThat(envelope.equalSharesWithoutCompletion()).isEqualTo(ids("b"));
        Tally tally = envelope.count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEqualTo(ids("b", "a"));
        assertThat(tally.leftover()).isEqualTo(Money.ZERO);
    }

    /**
     * 2 voters, 50 each: c (10) approved by both, a (55) by voter 1, b (55) by voter 2. First only c (5 each):
     * neither can pay 55 with 45. Raising the shares, at 60 each both a and b become affordable at once and
     * the result (c, a, b: 120) would overspend the 100: add1 keeps the last result that fits, c alone.
     */
    @Test
    void add1KeepsTheLastResultWithinTheEnvelope() {
        Tally tally = ElectionBuilder.of(100).project("a", 55).project("b", 55).project("c", 10)
                .approvals(1, "a", "c").approvals(1, "b", "c").count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEqualTo(ids("c"));
        assertThat(tally.leftover()).isEqualTo(Money.of(90));
    }

    /**
     * 3 voters, 10 each. x (20) approved by voters 1 and 2: 10 each, price 1/2. y (10) by voters 2 and 3:
     * 5 each, also price 1/2. Same price, same number of supporters: the cheaper y goes first; then voters
     * 1 and 2 hold 15 together, too little for x.
     */
    @Test
    void equalPriceGoesToTheCheaperProject() {
        ElectionBuilder envelope = ElectionBuilder.of(30).project("x", 20).project("y", 10)
                .approvals(1, "x").approvals(1, "x", "y").approvals(1, "y");
        assertThat(envelope.equalSharesWithoutCompletion()).isEqualTo(ids("y"));
    }

    @Test
    void equalPriceAndCostGoToTheFirstIdentifier() {
        ElectionBuilder envelope = ElectionBuilder.of(20).project("c10", 20).project("c9", 20)
                .approvals(1, "c10").approvals(1, "c9");
        // each costs its single supporter 20 (price 1) but each voter holds 10: nothing is affordable
        assertThat(envelope.equalSharesWithoutCompletion()).isEmpty();
        ElectionBuilder affordable = ElectionBuilder.of(40).project("c10", 20).project("c9", 20)
                .approvals(1, "c10").approvals(1, "c9");
        assertThat(affordable.equalSharesWithoutCompletion()).isEqualTo(ids("c9", "c10"));
    }

    /**
     * Cost utilities: a supporter's price is what they pay per unit of the project's cost, so an expensive
     * project is not penalised for its cost alone. 4 voters, 25 each; big (80) approved by all four
     * (20 each, price 1/4); small (10) approved by two (5 each, price 1/2). big goes first.
     */
    @Test
    void priceIsWhatEachSupporterPaysPerUnitOfCost() {
        Tally tally = ElectionBuilder.of(100).project("big", 80).project("small", 10)
                .approvals(2, "big", "small").approvals(2, "big").count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEqualTo(ids("big", "small"));
        assertThat(tally.spent()).isEqualTo(Money.of(90));
    }

    /**
     * 5 voters, 10 each. p (32) approved by voters 1-4: 8 each (price 1/4), selected first; they keep 2.
     * q (12) approved by voters 1 and 5: an equal part would be 6, but voter 1 holds 2 and pays it all,
     * voter 5 pays the other 10.
     */
    @Test
    void supportersWhoHoldLessPayAllTheyHoldAndTheOthersTheRest() {
        ElectionBuilder envelope = ElectionBuilder.of(50).project("p", 32).project("q", 12)
                .approvals(3, "p").approvals(1, "p", "q").approvals(1, "q");
        assertThat(envelope.equalSharesWithoutCompletion()).isEqualTo(ids("p", "q"));
        // one unit less for voter 5 and q would not be affordable: 2 + 9 < 12
        ElectionBuilder poorer = ElectionBuilder.of(45).project("p", 32).project("q", 12)
                .approvals(3, "p").approvals(1, "p", "q").approvals(1, "q");
        // 9 each: p costs 8 each, voter 1 keeps 1, voter 5 holds 9: 10 < 12
        assertThat(poorer.equalSharesWithoutCompletion()).isEqualTo(ids("p"));
    }

    @Test
    void equalSharesCountsApprovalBallotsOnly() {
        refused(() -> ElectionBuilder.of(10).project("a", 10)
                        .ballot(new Ballot.Cumulative(Map.of(ProjectId.of("a"), 2)))
                        .count(TallyRule.EQUAL_SHARES, new VotingRule.Cumulative(3, 3)),
                "budget.rule.equalShares.approvalOnly");
    }

    @Test
    void equalSharesWithoutBallotsSelectsNothing() {
        Tally tally = ElectionBuilder.of(100).project("a", 10).count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEmpty();
        assertThat(tally.leftover()).isEqualTo(Money.of(100));
    }

    @Test
    void projectNobodyApprovedIsNotSelectedEvenWhenMoneyIsLeft() {
        Tally tally = ElectionBuilder.of(100).project("wanted", 10).project("ignored", 10)
                .approvals(2, "wanted").count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEqualTo(ids("wanted"));
    }

    /**
     * The outcome is not monotone in the share, so no share may be skipped on the ground that the shares on
     * both sides give the same outcome. 6 voters, 1303 (shares start at 217 1/6). park (500): voters 1-4,
     * 125 each, first. library (400): voters 1, 2 and 6; voters 1 and 2 then hold s - 125 and pay it all, voter
     * 6 pays 650 - 2s (price (650 - 2s) / 400). pool (600): voters 2, 5 and 6; voter 2 pays s - 125, the others
     * (725 - s) / 2 (price (725 - s) / 1200), affordable from s = 241 2/3. bench (400): voter 1 only.
     * Up to 241: park, library (900, bench would still fit), so add1 goes on. From 242 to 244 pool is cheaper
     * than library (equal at 245, where library wins the tie by its cost): park, pool (1100, nothing else
     * fits) and add1 stops there. From 245 on park, library again, and park, library, pool from 331 (1500).
     */
    @Test
    void add1StopsAtTheFirstShareThatLeavesNothingToAddEvenWhenLaterSharesGiveTheEarlierOutcome() {
        ElectionBuilder envelope = ElectionBuilder.of(1303).project("bench", 400).project("pool", 600)
                .project("library", 400).project("park", 500)
                .approvals(1, "bench", "library", "park").approvals(1, "pool", "library", "park")
                .approvals(2, "park").approvals(1, "pool").approvals(1, "pool", "library");

        assertThat(envelope.equalSharesWithoutCompletion()).isEqualTo(ids("park", "library"));
        Tally tally = envelope.count(TallyRule.EQUAL_SHARES);
        assertThat(tally.winners()).isEqualTo(ids("park", "pool"));
        assertThat(tally.leftover()).isEqualTo(Money.of(203));
    }

    /**
     * Skipping the shares proven to give the same outcome must not change the result of raising them one
     * unit at a time: 600 small random elections (seeded), compared with {@link EqualSharesStepByOne}. Costs
     * come from a few values and ballots are often copied, so equal prices and tie-breaks are common; the
     * budgets are such that add1 often has to raise the shares many times, and sometimes stops because the
     * next count would overspend.
     */
    @Test
    void skippingSharesGivesTheSameWinnersAsRaisingThemOneByOne() {
        Random random = new Random(20_240_601);
        int overspentNext = 0;
        int raisedManyTimes = 0;
        for (int election = 0; election < 600; election++) {
            long unit = new long[] {1, 7, 100}[random.nextInt(3)];
            List<Project> projects = new ArrayList<>();
            long allCosts = 0;
            int projectCount = 2 + random.nextInt(6);
            for (int p = 0; p < projectCount; p++) {
                long cost = unit * (1 + random.nextInt(6));
                projects.add(Project.of("p" + p, cost));
                allCosts += cost;
            }
            List<Ballot> ballots = new ArrayList<>();
            int voters = 1 + random.nextInt(12);
            for (int voter = 0; voter < voters; voter++) {
                if (!ballots.isEmpty() && random.nextInt(3) == 0) {
                    ballots.add(ballots.get(random.nextInt(ballots.size())));
                    continue;
                }
                List<String> choices = new ArrayList<>();
                for (Project project : projects) {
                    if (random.nextInt(100) < 45) {
                        choices.add(project.id().value());
                    }
                }
                ballots.add(Ballot.Approval.of(choices.toArray(String[]::new)));
            }
            Money amount = Money.of(1 + random.nextLong(allCosts + unit));

            EqualSharesStepByOne.Completion oneByOne = EqualSharesStepByOne.select(amount, projects, ballots);

            assertThat(EqualShares.select(amount, projects, ballots))
                    .as("election %d: %s, %s, %s", election, amount, projects, ballots)
                    .isEqualTo(oneByOne.winners());
            overspentNext += oneByOne.overspentNext() ? 1 : 0;
            raisedManyTimes += oneByOne.runs() > 20 ? 1 : 0;
        }
        assertThat(overspentNext).as("elections where add1 stopped before overspending").isGreaterThan(30);
        assertThat(raisedManyTimes).as("elections where add1 raised the shares more than 20 times").isGreaterThan(30);
    }
}
