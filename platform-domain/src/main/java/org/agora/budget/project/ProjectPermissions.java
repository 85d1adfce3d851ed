package org.agora.budget.project;

import java.time.Instant;
import java.util.Optional;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetPhase;
import org.agora.budget.call.Envelope;
import org.agora.shared.Actor;

/**
 * Who may do what with a call's projects: residents of an envelope's district (any resident for the city-wide one)
 * submit and support projects during the submission phase, and the authors edit theirs until it is reviewed or the
 * phase ends; the envelope's managers review them until the vote opens; the discussion runs until the vote ends.
 * The reasons are message keys, which the pages and the API show.
 */
public final class ProjectPermissions {

    private ProjectPermissions() {
    }

    /** Why this person may not submit a project to the envelope now; empty when they may. */
    public static Optional<String> whyNotSubmit(Actor actor, Envelope envelope, Instant now) {
        return whyNotProposer(actor, envelope).or(() -> inSubmission(envelope, now));
    }

    /** Why this person may not support the project now; empty when they may (they may also withdraw it). */
    public static Optional<String> whyNotSupport(Actor actor, BudgetProject project, Instant now) {
        return whyNotProposer(actor, project.getEnvelope()).or(() -> inSubmission(project.getEnvelope(), now))
                .or(() -> project.getStatus() == ProjectStatus.MERGED
                        ? Optional.of("budget.review.merged") : Optional.empty());
    }

    /** Why this person may not change the project now; empty when they may: an author, before any review. */
    public static Optional<String> whyNotEdit(Actor actor, BudgetProject project, Instant now) {
        if (!project.isAuthor(actor.username())) {
            return Optional.of("budget.project.authorsOnly");
        }
        if (project.getStatus() != ProjectStatus.SUBMITTED) {
            return Optional.of("budget.project.alreadyReviewed");
        }
        return inSubmission(project.getEnvelope(), now);
    }

    /** Staff review an envelope's projects until the vote opens; then the ballot is locked. */
    public static Optional<String> whyNotReview(Actor actor, Envelope envelope, Instant now) {
        if (!BudgetPermissions.canManageEnvelope(actor, envelope.getDistrict())) {
            return Optional.of("budget.envelope.notAllowed");
        }
        if (envelope.getCall().getPhases().rulesLocked(now)) {
            return Optional.of("budget.call.rulesLocked");
        }
        return Optional.empty();
    }

    /**
     * Why the project no longer takes comments; empty while it does: until the vote ends, unless it was merged into
     * another project (the discussion goes on there). Who may write is the comments' rule.
     */
    public static Optional<String> whyNoComments(BudgetProject project, Instant now) {
        if (project.getStatus() == ProjectStatus.MERGED) {
            return Optional.of("budget.comments.merged");
        }
        return project.getEnvelope().getCall().getPhases().vote().hasEnded(now)
                ? Optional.of("budget.comments.voteOver") : Optional.empty();
    }

    /** The reasons of {@link BudgetPermissions#whyNotResidentOf} in the words of projects rather than of the vote. */
    private static Optional<String> whyNotProposer(Actor actor, Envelope envelope) {
        if (actor.isSignedIn() && actor.isBlocked()) {
            return Optional.of(Actor.BLOCKED);
        }
        return BudgetPermissions.whyNotResidentOf(actor, envelope).map(reason -> switch (reason) {
            case "budget.vote.signInFirst" -> "budget.project.signInFirst";
            case "budget.vote.residentsOnly" -> "budget.project.residentsOnly";
            default -> reason;
        });
    }

    private static Optional<String> inSubmission(Envelope envelope, Instant now) {
        return envelope.getCall().getPhases().at(now).filter(p -> p == BudgetPhase.SUBMISSION).isPresent()
                ? Optional.empty() : Optional.of("budget.project.submissionClosed");
    }
}
