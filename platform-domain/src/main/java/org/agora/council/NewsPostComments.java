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
 * A council's news posts as comment targets: a post is found by those who may read it (a members-only one by
 * members and leaders); its council's members and leaders comment, as {@link CouncilContentPermissions} says.
 */
@ApplicationScoped
public class NewsPostComments implements CommentTargets {

    private EntityManager em;
    private CouncilService councils;
    private CouncilNewsService news;

    protected NewsPostComments() {
        // for CDI
    }

    /** The entity manager and the services it asks: injected by CDI, or given by hand outside a container. */
    @Inject
    public NewsPostComments(EntityManager em, CouncilService councils, CouncilNewsService news) {
        this.em = em;
        this.councils = councils;
        this.news = news;
    }

    @Override
    public CommentTarget.Kind kind() {
        return CommentTarget.Kind.COUNCIL_POST;
    }

    @Override
    public Optional<Commentable> find(Actor reader, long id, Instant now) {
        return news.find(reader, id).map(NewsPost::getCouncilId)
                .map(councilId -> {
                    Council council = councils.get(councilId);
                    return new Commentable(CommentTarget.councilPost(id), CouncilContentPermissions.whyNoComments(
                            reader, council, councils.isMember(reader, councilId)))
                            .at(Optional.of(council.getDistrictCode()), "councils/post.xhtml?id=" + id)
                            .in(council.getModerationSpace(), council.isPreModerated());
                });
    }
}
