package org.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TurnoutTest {

    @Test
    void ballotsAreCountedPerHundredResidentsOfBothKinds() {
        Turnout turnout = new Turnout(3, 12_000, Optional.of(400L));

        assertThat(turnout.ofPopulation()).contains(new BigDecimal("0.03"));
        assertThat(turnout.ofRegistered()).contains(new BigDecimal("0.75"));
    }

    @Test
    void percentagesAreRoundedHalfUpToTwoDecimals() {
        assertThat(new Turnout(1, 3, Optional.of(6L)).ofPopulation()).contains(new BigDecimal("33.33"));
        assertThat(new Turnout(1, 3, Optional.of(6L)).ofRegistered()).contains(new BigDecimal("16.67"));
    }

    @Test
    void ballotsWithoutAccountsMayPassAllRegisteredResidents() {
        // desk and paper voters need no account
        assertThat(new Turnout(3, 9_000, Optional.of(1L)).ofRegistered()).contains(new BigDecimal("300.00"));
    }

    @Test
    void unknownOrZeroResidentsGiveNoPercentage() {
        Turnout unknown = new Turnout(5, 0, Optional.empty());

        assertThat(unknown.ofPopulation()).isEmpty();
        assertThat(unknown.ofRegistered()).isEmpty();
        assertThat(new Turnout(5, 100, Optional.of(0L)).ofRegistered()).isEmpty();
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThatThrownBy(() -> new Turnout(-1, 10, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Turnout(1, 10, Optional.of(-2L))).isInstanceOf(IllegalArgumentException.class);
    }
}
