package org.agora.budget.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Period;
import org.junit.jupiter.api.Test;

public class PhasePlanTest {

    public static final Instant MARCH = Instant.parse("2027-03-01T08:00:00Z");

    public static Instant day(int n) {
        return MARCH.plusSeconds(86_400L * n);
    }

    public static PhasePlan plan() {
        return new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)), new Period(day(70), day(85)),
                day(86), day(120));
    }

    @Test
    void eachInstantFallsInItsPhaseAndGapsInNone() {
        PhasePlan plan = plan();

        assertThat(plan.at(day(-1))).isEmpty();
        assertThat(plan.at(day(0))).contains(BudgetPhase.SUBMISSION);
        assertThat(plan.at(day(30))).contains(BudgetPhase.REVIEW);
        assertThat(plan.at(day(65))).isEmpty();
        assertThat(plan.at(day(70))).contains(BudgetPhase.VOTE);
        assertThat(plan.at(day(85))).isEmpty();
        assertThat(plan.at(day(86))).contains(BudgetPhase.RESULTS);
        assertThat(plan.at(day(400))).contains(BudgetPhase.IMPLEMENTATION);
    }

    @Test
    void theRulesLockWhenTheVoteOpens() {
        assertThat(plan().rulesLocked(day(69))).isFalse();
        assertThat(plan().rulesLocked(day(70))).isTrue();
        assertThat(plan().rulesLocked(day(200))).isTrue();
    }

    @Test
    void phasesMustFollowOneAnother() {
        assertThatThrownBy(() -> new PhasePlan(new Period(day(0), day(30)), new Period(day(20), day(60)),
                new Period(day(70), day(85)), day(86), day(120)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.phases.order");
        assertThatThrownBy(() -> new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(50), day(85)), day(86), day(120)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.phases.order");
        assertThatThrownBy(() -> new PhasePlan(new Period(day(0), day(30)), new Period(day(30), day(60)),
                new Period(day(70), day(85)), day(80), day(120)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.phases.order");
    }
}
