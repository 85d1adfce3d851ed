package org.agora.council;

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
 * A council's news posts as comment targets: a post is found by those who may read it (a members-only one by
 * members and leaders); its council's members and leaders comment, as {@link CouncilContentPermissions} says.
 */
@ApplicationScoped
public class NewsPostComments implements CommentTargets {

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected NewsPostComments() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public NewsPostComments(EntityManager em) {
        this.em = em;
    }

    @Override
    public CommentTarget.Kind kind() {
        return CommentTarget.Kind.COUNCIL_POST;
    }

    @Override
    public Optional<Commentable> find(Actor reader, long id, Instant now) {
        CouncilService councils = new CouncilService(em);
        return new CouncilNewsService(em).find(reader, id).map(NewsPost::getCouncilId)
                .map(councilId -> {
                    Council council = councils.get(councilId);
                    return new Commentable(CommentTarget.councilPost(id), CouncilContentPermissions.whyNoComments(
                            reader, council, councils.isMember(reader, councilId)));
                });
    }
}
