package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.agora.comment.CommentTarget;
import org.agora.comment.CommentTargets;
import org.agora.comment.Commentable;
import org.agora.shared.Actor;

/**
 * Consultations as comment targets: seen by whoever may read them (a draft by its organisers only); they take
 * comments while they are open, as {@link ConsultationPermissions} says.
 */
@ApplicationScoped
public class ConsultationComments implements CommentTargets {

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected ConsultationComments() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public ConsultationComments(EntityManager em) {
        this.em = em;
    }

    @Override
    public CommentTarget.Kind kind() {
        return CommentTarget.Kind.CONSULTATION;
    }

    @Override
    public Optional<Commentable> find(Actor reader, long id, Instant now) {
        return Optional.ofNullable(em.find(Consultation.class, id))
                .filter(c -> ConsultationPermissions.canRead(reader, c.getScope(), c.getStatus()))
                .map(c -> new Commentable(CommentTarget.consultation(id), ConsultationPermissions.whyNoComments(c.getStatus())));
    }
}
