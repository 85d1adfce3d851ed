package org.agora.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * A council's news, one transaction per change: its leaders post (sanitized rich text, public or for members
 * only) and remove posts; anyone reads the public ones, members and leaders all. A members-only post is not
 * found by anyone else.
 */
@ApplicationScoped
@Transactional
public class CouncilNewsService {

    private EntityManager em;
    private CouncilService councils;

    protected CouncilNewsService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public CouncilNewsService(EntityManager em, CouncilService councils) {
        this.em = em;
        this.councils = councils;
    }

    public NewsPost post(Actor actor, long councilId, String title, String html, boolean membersOnly, Instant now) {
        Council council = councils.get(councilId);
        if (!CouncilContentPermissions.canPublish(actor, council)) {
            throw new NotAllowedException("council.notLeader");
        }
        NewsPost post = new NewsPost(council, title, html, membersOnly, actor.username(), now);
        em.persist(post);
        em.flush();
        return post;
    }

    public void remove(Actor actor, long postId) {
        NewsPost post = Optional.ofNullable(em.find(NewsPost.class, postId)).orElseThrow(() -> notFound(postId));
        if (!CouncilContentPermissions.canPublish(actor, councils.get(post.getCouncilId()))) {
            throw new NotAllowedException("council.notLeader");
        }
        em.remove(post);
        em.flush();
    }

    /** The posts this person may read, newest first; none moderation hides. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<NewsPost> visible(Actor actor, long councilId) {
        Council council = councils.get(councilId);
        boolean all = councils.seesMembersOnly(actor, council);
        return em.createQuery("select n from NewsPost n where n.councilId = :c and n.hiddenState is null"
                        + (all ? "" : " and n.membersOnly = false") + " order by n.publishedAt desc, n.id desc",
                NewsPost.class).setParameter("c", councilId).getResultList();
    }

    /** The post, if this person may read it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<NewsPost> find(Actor actor, long postId) {
        return Optional.ofNullable(em.find(NewsPost.class, postId)).filter(post -> {
            Council council = councils.get(post.getCouncilId());
            return CouncilContentPermissions.canSee(actor, council, post.isMembersOnly(),
                    councils.isMember(actor, council.getId()));
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NewsPost get(Actor actor, long postId) {
        return find(actor, postId).orElseThrow(() -> notFound(postId));
    }

    private static NotFoundException notFound(long postId) {
        return new NotFoundException("council.news.notFound", postId);
    }
}
