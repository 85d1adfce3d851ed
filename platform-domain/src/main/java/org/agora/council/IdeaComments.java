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
 * A council's ideas as comment targets: anyone reads the board; the council's members and leaders comment, as
 * {@link CouncilContentPermissions} says.
 */
@ApplicationScoped
public class IdeaComments implements CommentTargets {

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected IdeaComments() {
        // for CDI
    }

    /** For use outside a container, with an entity manager whose transactions the caller runs. */
    public IdeaComments(EntityManager em) {
        this.em = em;
    }

    @Override
    public CommentTarget.Kind kind() {
        return CommentTarget.Kind.COUNCIL_IDEA;
    }

    @Override
    public Optional<Commentable> find(Actor reader, long id, Instant now) {
        CouncilService councils = new CouncilService(em);
        return new IdeaService(em).find(id).map(Idea::getCouncilId)
                .map(councilId -> {
                    Council council = councils.get(councilId);
                    return new Commentable(CommentTarget.councilIdea(id), CouncilContentPermissions.whyNoComments(
                            reader, council, councils.isMember(reader, councilId)));
                });
    }
}
