package org.agora.budget.call;

import java.time.Instant;
import java.util.Optional;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Period;

/**
 * The dated phases of a call: submission, review and vote each have a start and an end; results are published
 * at a date and implementation follows from another. The phases follow one another without overlapping (a gap
 * is allowed: nothing happens between them).
 */
public record PhasePlan(Period submission, Period review, Period vote, Instant resultsFrom, Instant implementationFrom) {

    public PhasePlan {
        if (submission == null || review == null || vote == null) {
            throw new InvalidInputException("phases", "validation.required");
        }
        if (resultsFrom == null) {
            throw new InvalidInputException("resultsFrom", "validation.required");
        }
        if (implementationFrom == null) {
            throw new InvalidInputException("implementationFrom", "validation.required");
        }
        if (review.start().isBefore(submission.end())) {
            throw new InvalidInputException("reviewStart", "budget.phases.order");
        }
        if (vote.start().isBefore(review.end())) {
            throw new InvalidInputException("voteStart", "budget.phases.order");
        }
        if (resultsFrom.isBefore(vote.end())) {
            throw new InvalidInputException("resultsFrom", "budget.phases.order");
        }
        if (implementationFrom.isBefore(resultsFrom)) {
            throw new InvalidInputException("implementationFrom", "budget.phases.order");
        }
    }

    /** The phase under way at this instant, if any (none before submission opens, nor between two phases). */
    public Optional<BudgetPhase> at(Instant now) {
        if (within(submission, now)) {
            return Optional.of(BudgetPhase.SUBMISSION);
        }
        if (within(review, now)) {
            return Optional.of(BudgetPhase.REVIEW);
        }
        if (within(vote, now)) {
            return Optional.of(BudgetPhase.VOTE);
        }
        if (!now.isBefore(implementationFrom)) {
            return Optional.of(BudgetPhase.IMPLEMENTATION);
        }
        if (!now.isBefore(resultsFrom)) {
            return Optional.of(BudgetPhase.RESULTS);
        }
        return Optional.empty();
    }

    /** The rules of the vote (ballot type, tally rule, envelopes, projects on the ballot) lock when it opens. */
    public boolean rulesLocked(Instant now) {
        return vote.hasStarted(now);
    }

    private static boolean within(Period period, Instant now) {
        return period.hasStarted(now) && !period.hasEnded(now);
    }
}
