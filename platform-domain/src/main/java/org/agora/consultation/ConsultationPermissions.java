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

    /** Why this person may not answer now, or empty when they may. */
    public static Optional<String> whyNotAnswer(Actor actor, ConsultationScope scope, ConsultationStatus status) {
        if (!actor.isSignedIn()) {
            return Optional.of("consultation.answer.signInFirst");
        }
        if (!actor.has(Role.RESIDENT)) {
            return Optional.of("consultation.answer.residentsOnly");
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
