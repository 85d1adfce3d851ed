package org.agora.budget.vote;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;

/**
 * Everything a ballot in an envelope is checked against, read once: the envelope's district and amount, its call's
 * minimum age, phases and ballot rule, and the projects on its ballot. None of it can change once the vote has opened
 * (the call, the review and the ballot refuse every change then: {@link PhasePlan#rulesLocked}), so terms read after
 * that moment stay true for good, on every instance of the application, and may be kept in memory for the vote.
 */
record BallotTerms(long callId, long envelopeId, Optional<DistrictCode> district, Money amount, Optional<Integer> minimumAge,
                   PhasePlan phases, VotingRule rule, List<Project> projects) {

    /**
     * How long after the vote opens terms may be kept: longer than the clocks of two instances can differ by, so that
     * no instance still accepts a change (its clock behind) to terms another one keeps.
     */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    BallotTerms {
        projects = List.copyOf(projects);
    }

    static BallotTerms of(Envelope envelope, Collection<BudgetProject> onBallot) {
        BudgetCall call = envelope.getCall();
        return new BallotTerms(call.getId(), envelope.getId(), envelope.getDistrict(), envelope.getAmount(), call.getMinimumAge(),
                call.getPhases(), call.getVotingRule(), onBallot.stream().map(BudgetProject::toCandidate).toList());
    }

    /** Which of the call's two ballots this envelope's is: the district one, or the city-wide one. */
    VoteScope scope() {
        return VoteScope.of(district);
    }

    /** When the vote opened: the register's district at that moment is the one a person votes in. */
    Instant voteOpened() {
        return phases.vote().start();
    }

    /** Whether these terms, read at {@code now}, can no longer change. */
    boolean lockedAt(Instant now) {
        return phases.rulesLocked(now.minus(CLOCK_MARGIN));
    }

    Optional<String> whyNotVote(Actor voter, Instant now) {
        return BudgetPermissions.whyNotVote(voter, district, minimumAge, phases, now);
    }

    /** The most projects a valid ballot names here: what sealed ballots are padded to ({@link VotingRule#mostChoices}). */
    int mostChoices() {
        return rule.mostChoices(projects, amount);
    }

        /** Refuses a ballot that breaks the call's rule for this envelope ({@link VotingRule#validate}). */
    void validate(Ballot ballot) {
        rule.validate(ballot, projects, amount);
    }
}
