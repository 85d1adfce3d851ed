package org.agora.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An envelope's participation: its ballots (every channel) against the residents it is for, counted two ways: the
 * population the office set for the district (or the city, for the city-wide envelope), and the residents registered
 * on the platform when the directory can tell. Ballots cast at a desk or on paper need no account, so the second
 * figure may pass 100 %.
 */
public record Turnout(long ballots, long population, Optional<Long> registered) {

    public Turnout {
        if (ballots < 0 || population < 0 || registered.filter(r -> r < 0).isPresent()) {
            throw new IllegalArgumentException("negative turnout figure");
        }
    }

    /** Ballots per 100 residents of the population, to two decimals; empty when the population is zero. */
    public Optional<BigDecimal> ofPopulation() {
        return percent(population);
    }

    /** Ballots per 100 registered residents, to two decimals; empty when their number is unknown or zero. */
    public Optional<BigDecimal> ofRegistered() {
        return registered.flatMap(this::percent);
    }

    private Optional<BigDecimal> percent(long residents) {
        if (residents == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(ballots).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP));
    }
}
