package org.agora.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModeratedItem;
import org.agora.moderation.ModerationTargets;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.RichText;
import org.agora.shared.Role;

/**
 * Comments as moderation items: a comment is found by whoever may see its target, belongs to its target's district
 * and is shown on its target's page; hidden, it leaves the counts and shows its public reason in place of its text.
 */
@ApplicationScoped
public class CommentModeration implements ModerationTargets {

    /** Whoever moderates sees every target (drafts, members-only posts) as the office does. */
    private static final Actor STAFF = new Actor("moderation", Set.of(Role.OFFICE_ADMIN, Role.MODERATOR),
            Optional.empty(), Set.of());

    private EntityManager em;
    private CommentService comments;

    protected CommentModeration() {
        // for CDI
    }

    @Inject
    public CommentModeration(EntityManager em, CommentService comments) {
        this.em = em;
        this.comments = comments;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.COMMENT;
    }

    @Override
    public Optional<ModeratedItem> find(Actor reader, long id) {
        return comments.find(id).filter(Comment::isPublished)
                .flatMap(c -> comments.target(reader, c.getTarget()).map(target -> item(c, target)));
    }

    @Override
    public Optional<ModeratedItem> item(long id) {
        return comments.find(id).flatMap(c -> comments.target(STAFF, c.getTarget()).map(target -> item(c, target)));
    }

    @Override
    public void show(long id, Visibility visibility) {
        Comment comment = em.find(Comment.class, id);
        if (comment != null) {
            comment.show(visibility);
        }
    }

    /** A reply held for review and now approved tells its parent's author, as it would have when posted. */
    @Override
    public void show(long id, Visibility visibility, Instant now) {
        Comment comment = em.find(Comment.class, id);
        if (comment == null) {
            return;
        }
        boolean wasHeld = comment.getVisibility().state() == Visibility.State.PENDING;
        comment.show(visibility);
        if (wasHeld && visibility.isVisible()) {
            comments.toldOfReply(comment, now);
        }
    }

    /** The comment as moderation sees it, in its target's district, space and page. */
    static ModeratedItem item(Comment comment, Commentable target) {
        return new ModeratedItem(new ItemRef(ItemKind.COMMENT, comment.getId()), comment.getAuthor(), target.district(),
                RichText.plainText(comment.getBody()), target.path() + "#comment-" + comment.getId(),
                comment.getVisibility(), target.space());
    }
}
