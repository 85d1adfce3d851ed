package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnoutTest {

    @Test
    void ballotsCountAgainstThePopulationAndAccountVotersAgainstRegisteredResidents() {
        Turnout turnout = new Turnout(5, 12_000, 3, Optional.of(400L));

        assertThat(turnout.ofPopulation()).contains(new BigDecimal("0.04"));
        assertThat(turnout.ofRegistered()).contains(new BigDecimal("0.75"));
    }

    @Test
    void percentagesAreRoundedHalfUpToTwoDecimals() {
        assertThat(new Turnout(1, 3, 1, Optional.of(6L)).ofPopulation()).contains(new BigDecimal("33.33"));
        assertThat(new Turnout(1, 3, 1, Optional.of(6L)).ofRegistered()).contains(new BigDecimal("16.67"));
    }

    @Test
    void desksAndPaperWithoutAccountsNeverPushTheRegisteredTurnoutAbove100Percent() {
        // three ballots, of which only one by a person with an account, the only one registered
        Turnout turnout = new Turnout(3, 9_000, 1, Optional.of(1L));

        assertThat(turnout.ofRegistered()).contains(new BigDecimal("100.00"));
    }

    @Test
    void noPercentageIsGivenAbove100Percent() {
        Turnout tooSmallAPopulation = new Turnout(4_200, 100, 42, Optional.of(1L));

        assertThat(tooSmallAPopulation.ofPopulation()).isEmpty();
        assertThat(tooSmallAPopulation.ballotsExceedPopulation()).isTrue();
        assertThat(tooSmallAPopulation.ofRegistered()).isEmpty();
    }

    @Test
    void unknownOrZeroResidentsGiveNoPercentage() {
        Turnout unknown = new Turnout(5, 0, 0, Optional.empty());

        assertThat(unknown.ofPopulation()).isEmpty();
        assertThat(unknown.ballotsExceedPopulation()).isFalse();
        assertThat(unknown.ofRegistered()).isEmpty();
        assertThat(new Turnout(5, 100, 0, Optional.of(0L)).ofRegistered()).isEmpty();
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> new Turnout(-1, 10, 0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turnout(1, 10, 0, Optional.of(-2L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turnout(1, 10, -1, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
