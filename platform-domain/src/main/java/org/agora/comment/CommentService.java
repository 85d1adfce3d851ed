package org.agora.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.agora.notification.Notifications;
import org.agora.moderation.ModerationHolds;
import org.agora.moderation.Visibility;
import org.agora.shared.Actor;
import org.agora.shared.ConflictException;
import org.agora.shared.Constraints;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;

/**
 * The use cases of comments: post, reply, edit, delete, and read a target's discussion or count its comments. One
 * transaction per change; {@link CommentPermissions} decides who may, and the capability owning the target
 * ({@link CommentTargets}) whether it exists and takes comments now.
 */
@ApplicationScoped
@Transactional
public class CommentService {

    private EntityManager em;
    private Iterable<CommentTargets> owners;
    private Notifications notifications;
    private ModerationHolds holds;

    protected CommentService() {
        // for CDI
    }

    /** The entity manager, the targets' owners and the notifications, as CDI finds them. */
    @Inject
    public CommentService(EntityManager em, @Any Instance<CommentTargets> owners, Notifications notifications,
                          ModerationHolds holds) {
        this.em = em;
        this.owners = owners;
        this.notifications = notifications;
        this.holds = holds;
    }

    /**
     * Outside a container: an entity manager whose transactions the caller runs, the targets' owners, the
     * notifications and the moderation's holds.
     */
    public CommentService(EntityManager em, List<CommentTargets> owners, Notifications notifications,
                          ModerationHolds holds) {
        this.em = em;
        this.owners = List.copyOf(owners);
        this.notifications = notifications;
        this.holds = holds;
    }

    /** A new comment at the top of the target's thread. */
    public Comment post(Actor actor, String displayName, CommentTarget target, String body, Instant now) {
        Commentable commentable = writable(actor, target, now);
        CommentAuthor author = CommentAuthor.of(actor, displayName);
        Comment comment = Comment.on(commentable.target(), author, CommentBody.of(body), now);
        return stored(comment, author, commentable, now);
    }

    /** A reply to a comment of the same target (three levels at most); the parent's author is told (CommentNotices). */
    public Comment reply(Actor actor, String displayName, CommentTarget target, long parentId, String body, Instant now) {
        Commentable commentable = writable(actor, target, now);
        Comment parent = Optional.ofNullable(em.find(Comment.class, parentId))
                .orElseThrow(() -> new InvalidInputException("parent", "comment.reply.parentNotFound", parentId));
        if (!parent.getTarget().equals(target)) {
            throw new InvalidInputException("parent", "comment.reply.otherTarget");
        }
        CommentBody checked = CommentBody.of(body);
        CommentAuthor author = CommentAuthor.of(actor, displayName);
        Comment reply = parent.reply(author, checked, now);
        stored(reply, author, commentable, now);
        if (!reply.isHidden()) {
            toldOfReply(reply, now); // a reply held for review tells no one yet: CommentModeration does once approved
        }
        return reply;
    }

    /** The parent's author told of this reply (not when they replied to themselves); nothing for a first comment. */
    void toldOfReply(Comment reply, Instant now) {
        reply.getParentId().map(id -> em.find(Comment.class, id))
                .filter(parent -> CommentNotices.worthTelling(parent, reply))
                .ifPresent(parent -> notifications.tell(CommentNotices.replied(parent, reply), now));
    }

    /** The author changes their comment's text while the target takes comments; it is marked as edited. */
    public Comment edit(Actor actor, long commentId, String body, Instant now) {
        Comment comment = get(commentId);
        Commentable commentable = commentable(actor, comment.getTarget(), now);
        require(CommentPermissions.whyNotEdit(actor, comment, commentable));
        comment.edit(CommentBody.of(body), now);
        Constraints.flush(em, () -> new ConflictException(null, "comment.changedMeanwhile"));
        return comment;
    }

    /** The author deletes their comment: its text is removed, its replies stay. */
    public Comment delete(Actor actor, long commentId, Instant now) {
        Comment comment = get(commentId);
        commentable(actor, comment.getTarget(), now);
        require(CommentPermissions.whyNotDelete(actor, comment));
        comment.delete(now);
        Constraints.flush(em, () -> new ConflictException(null, "comment.changedMeanwhile"));
        return comment;
    }

    /** The target's comments in reading order, for someone who may see the target; 404 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Discussion discussion(Actor reader, CommentTarget target, Instant now) {
        Commentable commentable = commentable(reader, target, now);
        List<Comment> stored = em.createQuery("select c from Comment c where c.targetKind = :kind and c.targetId = :id"
                        + " order by c.createdAt, c.id", Comment.class)
                .setParameter("kind", target.kind()).setParameter("id", target.id()).getResultList();
        return new Discussion(commentable, readingOrder(stored));
    }

    /** Why this person may not write on the target now; empty when they may. 404 for a target they may not see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> whyNotComment(Actor actor, CommentTarget target, Instant now) {
        return CommentPermissions.whyNotComment(actor, commentable(actor, target, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Comment get(long commentId) {
        return find(commentId).orElseThrow(() -> new NotFoundException("comment.notFound", commentId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Comment> find(long commentId) {
        return Optional.ofNullable(em.find(Comment.class, commentId));
    }

    /** The number of published comments and replies on the target, not counting those moderation hides. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(CommentTarget target) {
        return counts(target.kind(), List.of(target.id())).getOrDefault(target.id(), 0L);
    }

    /** The target as its owner shows it to this reader now; empty when it does not exist for them (moderation). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Commentable> target(Actor reader, CommentTarget target) {
        return owner(target.kind()).flatMap(owner -> owner.find(reader, target.id(), Instant.now()));
    }

    /** The number of published (and not hidden) comments of each of these targets of one kind that has any, in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> counts(CommentTarget.Kind kind, Collection<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = em.createQuery("select c.targetId, count(c) from Comment c where c.targetKind = :kind"
                        + " and c.status = :published and c.hiddenState is null and c.targetId in :ids"
                        + " group by c.targetId", Object[].class)
                .setParameter("kind", kind).setParameter("published", CommentStatus.PUBLISHED)
                .setParameter("ids", new ArrayList<>(new HashSet<>(ids))).getResultList();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * Stores a new comment; a resident's on a pre-moderated target waits, hidden, for a moderator's approval (staff, who
     * speak for the city with a badge, are not held).
     */
    private Comment stored(Comment comment, CommentAuthor author, Commentable commentable, Instant now) {
        boolean held = commentable.preModerated() && author.badge().isEmpty();
        if (held) {
            comment.show(Visibility.PENDING_REVIEW);
        }
        em.persist(comment);
        em.flush();
        if (held) {
            holds.hold(CommentModeration.item(comment, commentable), now);
            em.flush();
        }
        return comment;
    }

    /** Each comment followed by its replies (both oldest first); deleted ones only while they have replies shown. */
    static List<Comment> readingOrder(List<Comment> oldestFirst) {
        Map<Long, List<Comment>> replies = new LinkedHashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment c : oldestFirst) {
            c.getParentId().ifPresentOrElse(p -> replies.computeIfAbsent(p, k -> new ArrayList<>()).add(c),
                    () -> roots.add(c));
        }
        List<Comment> ordered = new ArrayList<>();
        for (Comment root : roots) {
            collect(root, replies, ordered);
        }
        return ordered;
    }

    /** Adds the comment and what is shown of its replies; false when nothing of it is shown. */
    private static boolean collect(Comment comment, Map<Long, List<Comment>> replies, List<Comment> into) {
        int at = into.size();
        into.add(comment);
        boolean anyReplyShown = false;
        for (Comment reply : replies.getOrDefault(comment.getId(), List.of())) {
            anyReplyShown |= collect(reply, replies, into);
        }
        if (comment.isDeleted() && !anyReplyShown) {
            into.remove(at);
            return false;
        }
        return true;
    }

    private Commentable writable(Actor actor, CommentTarget target, Instant now) {
        Commentable commentable = commentable(actor, target, now);
        require(CommentPermissions.whyNotComment(actor, commentable));
        return commentable;
    }

    private Commentable commentable(Actor reader, CommentTarget target, Instant now) {
        return owner(target.kind()).flatMap(owner -> owner.find(reader, target.id(), now))
                .orElseThrow(() -> new NotFoundException("comment.target.notFound", target.id()));
    }

    private Optional<CommentTargets> owner(CommentTarget.Kind kind) {
        return StreamSupport.stream(owners.spliterator(), false).filter(o -> o.kind() == kind).findFirst();
    }

    private static void require(Optional<String> whyNot) {
        whyNot.ifPresent(reason -> {
            throw new NotAllowedException(reason);
        });
    }
}
