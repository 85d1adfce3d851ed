package org.agora.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    private EntityManager em;

    protected ConsultationComments() {
        // for CDI
    }

    /** The entity manager: injected by CDI, or given by hand outside a container. */
    @Inject
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
                .map(c -> new Commentable(CommentTarget.consultation(id), ConsultationPermissions.whyNoComments(c.getStatus()))
                        .at(c.getScope().district(), "consultations/view.xhtml?id=" + id)
                        .in(c.getModerationSpace(), c.isPreModerated()));
    }
}
