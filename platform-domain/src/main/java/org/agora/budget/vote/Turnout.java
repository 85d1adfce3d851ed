package org.agora.budget.vote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * An envelope's participation, each percentage against what it can honestly be compared with, and never above 100 %:
 * <ul>
 *     <li>all its ballots (every channel) against the population the office set for the district (or the city, for the
 *     city-wide envelope);</li>
 *     <li>the voters who have an account on the platform against the residents registered with an account, as the
 *     directory counts them: people who voted at a desk or on paper without an account are not in either figure.</li>
 * </ul>
 * A percentage that would pass 100 % (a population figure below the number of ballots, a directory count late) is not
 * given: the page says why instead.
 */
public record Turnout(long ballots, long population, long accountVoters, Optional<Long> registered) {

    public Turnout {
        if (ballots < 0 || population < 0 || accountVoters < 0 || registered.filter(r -> r < 0).isPresent()) {
            throw new IllegalArgumentException("negative turnout figure");
        }
    }

    /** Ballots per 100 residents of the population, to two decimals; empty when the population is zero or too small. */
    public Optional<BigDecimal> ofPopulation() {
        return percent(ballots, population);
    }

    /** Whether the population figure is below the number of ballots (so no percentage of it is given). */
    public boolean ballotsExceedPopulation() {
        return population > 0 && ballots > population;
    }

    /**
     * Voters with an account per 100 registered residents, to two decimals; empty when their number is unknown, zero,
     * or below the voters' (a count not yet refreshed).
     */
    public Optional<BigDecimal> ofRegistered() {
        return registered.flatMap(r -> percent(accountVoters, r));
    }

    private static Optional<BigDecimal> percent(long part, long whole) {
        if (whole == 0 || part > whole) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP));
    }
}
