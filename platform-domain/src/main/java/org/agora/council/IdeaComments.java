package org.agora.council;

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
 * A council's ideas as comment targets: anyone reads the board; the council's members and leaders comment, as
 * {@link CouncilContentPermissions} says.
 */
@ApplicationScoped
public class IdeaComments implements CommentTargets {

    private EntityManager em;
    private CouncilService councils;
    private IdeaService ideas;

    protected IdeaComments() {
        // for CDI
    }

    /** The entity manager and the services it asks: injected by CDI, or given by hand outside a container. */
    @Inject
    public IdeaComments(EntityManager em, CouncilService councils, IdeaService ideas) {
        this.em = em;
        this.councils = councils;
        this.ideas = ideas;
    }

    @Override
    public CommentTarget.Kind kind() {
        return CommentTarget.Kind.COUNCIL_IDEA;
    }

    @Override
    public Optional<Commentable> find(Actor reader, long id, Instant now) {
        return ideas.find(id).map(Idea::getCouncilId)
                .map(councilId -> {
                    Council council = councils.get(councilId);
                    return new Commentable(CommentTarget.councilIdea(id), CouncilContentPermissions.whyNoComments(
                            reader, council, councils.isMember(reader, councilId)))
                            .at(Optional.of(council.getDistrictCode()), "councils/idea.xhtml?id=" + id)
                            .in(council.getModerationSpace(), council.isPreModerated());
                });
    }
}
