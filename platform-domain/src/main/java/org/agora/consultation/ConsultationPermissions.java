package org.agora.consultation;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.Role;

/**
 * Who may do what with a consultation. The office organises any; a district agent organises those of their
 * districts only (never a city-wide one); a resident answers an open consultation of their scope. When a
 * resident may not answer, the reason is a message key the page shows them.
 */
public final class ConsultationPermissions {

    private ConsultationPermissions() {
    }

    public static boolean canOrganise(Actor actor, ConsultationScope scope) {
        if (actor.has(Role.OFFICE_ADMIN)) {
            return true;
        }
        return scope.district().map(actor::servesDistrict).orElse(false);
    }

    /** Anyone reads a consultation once it is scheduled; a draft only its organisers. */
    public static boolean canRead(Actor actor, ConsultationScope scope, ConsultationStatus status) {
        return status != ConsultationStatus.DRAFT || canOrganise(actor, scope);
    }

    /** Results are everyone's once published; organisers follow them from the moment it is scheduled. */
    public static boolean canSeeResults(Actor actor, ConsultationScope scope, ConsultationStatus status) {
        return status == ConsultationStatus.RESULTS_PUBLISHED
                || status != ConsultationStatus.DRAFT && canOrganise(actor, scope);
    }

    /**
     * The figures of one question, among the results this person sees: the public those the organiser published
     * (figures, or figures and texts); organisers every question.
     */
    public static boolean canSeeFigures(Actor actor, ConsultationScope scope, ConsultationStatus status,
                                        Publication publication) {
        return canSeeResults(actor, scope, status) && (publication.publicFigures() || canOrganise(actor, scope));
    }

    /**
     * The free-text answers to one question: organisers see them all, to review them; the public only once the
     * organiser published them with the figures (and then only those approved: {@link #canReviewTexts}).
     */
    public static boolean canSeeTexts(Actor actor, ConsultationScope scope, ConsultationStatus status,
                                      Publication publication) {
        return canSeeResults(actor, scope, status)
                && (publication == Publication.FIGURES_AND_TEXTS || canOrganise(actor, scope));
    }

    /** Organisers review the free-text answers: they see those not approved yet, and approve or withdraw them. */
    public static boolean canReviewTexts(Actor actor, ConsultationScope scope) {
        return canOrganise(actor, scope);
    }

    /**
     * The workbook of every response names each respondent's district (and, unless the consultation is anonymous,
     * the respondent): for its organisers, once the responses are no longer sealed.
     */
    public static boolean canExportResponses(Actor actor, ConsultationScope scope, boolean responsesSealed) {
        return canOrganise(actor, scope) && !responsesSealed;
    }

    /** Why this person may not answer now, or empty when they may. */
    public static Optional<String> whyNotAnswer(Actor actor, ConsultationScope scope, ConsultationStatus status) {
        if (!actor.isSignedIn()) {
            return Optional.of("consultation.answer.signInFirst");
        }
        if (!actor.has(Role.RESIDENT)) {
            return Optional.of("consultation.answer.residentsOnly");
        }
        if (actor.isBlocked()) {
            // an answer is a say, and its free texts may be published: moderation's block holds here as for a ballot
            return Optional.of(Actor.BLOCKED);
        }
        if (!status.acceptsAnswers()) {
            return Optional.of("consultation.answer.notOpen");
        }
        if (!scope.includes(actor)) {
            return Optional.of("consultation.answer.outOfScope");
        }
        return Optional.empty();
    }

    /** Why the consultation does not take comments; empty while it does: while it is open for answers. */
    public static Optional<String> whyNoComments(ConsultationStatus status) {
        return status == ConsultationStatus.OPEN ? Optional.empty() : Optional.of("consultation.comments.notOpen");
    }
}
