package org.agora.budget.counting;

import static org.agora.budget.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void moneyIsNeverNegative() {
        refused(() -> Money.of(-1), "budget.money.negative", -1L);
        refused(() -> Money.of(10).minus(Money.of(11)), "budget.money.negative", -1L);
        assertThat(Money.of(10).minus(Money.of(10))).isEqualTo(Money.ZERO);
    }

    @Test
    void moneyAddsExactly() {
        assertThat(Money.of(1_070_000).plus(Money.of(37_387))).isEqualTo(Money.of(1_107_387));
        assertThat(Money.of(5).isAtMost(Money.of(5))).isTrue();
        assertThat(Money.of(6).isAtMost(Money.of(5))).isFalse();
    }

    @Test
    void projectCostingNothingIsRefused() {
        refused(() -> Project.of("c1", 0), "budget.project.costNotPositive", "c1");
    }

    @Test
    void blankProjectIdIsRefused() {
        refused(() -> ProjectId.of(" "), "budget.project.idMalformed", " ");
        refused(() -> ProjectId.of(null), "budget.project.idMalformed", "null");
    }

    @Test
    void projectIdsCompareTheirNumbersAsNumbers() {
        List<ProjectId> sorted = Stream.of("c10", "c2", "c1", "b7", "4144", "780", "c01")
                .map(ProjectId::of).sorted().toList();
        assertThat(sorted).extracting(ProjectId::value)
                .containsExactly("780", "4144", "b7", "c01", "c1", "c2", "c10");
    }
}
