package org.agora.api.comment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.agora.comment.Comment;
import org.agora.comment.Discussion;
import org.agora.web.platform.Texts;

/**
 * A target's comments as the API returns them, for every kind of target: in reading order, each with its parent and
 * depth, the author's name and staff badge, the safe HTML body (empty for a comment its author deleted, which stays
 * while it has replies).
 */
public final class CommentsJson {

    private CommentsJson() {
    }

    /**
     * One comment; {@code badge} is TOWN_HALL, DEMOCRACY_OFFICE or MODERATION for staff, null for a resident;
     * {@code moderation} VISIBLE, PENDING (hidden until a moderator decides) or HIDDEN: a hidden comment has no body,
     * but a {@code publicReason} when a moderator hid it.
     */
    public record CommentJson(long id, Long parent, int depth, String author, String badge, String badgeText,
                              Instant createdAt, Instant editedAt, String status, String body, String moderation,
                              String publicReason) {
    }

    /** The discussion: whether it takes comments now (and why not, in the caller's language), count, comments. */
    public record DiscussionJson(String kind, long target, boolean open, String whyClosed, long count,
                                 List<CommentJson> comments) {
    }

    public static DiscussionJson of(Discussion discussion, Locale locale) {
        return new DiscussionJson(discussion.target().target().kind().name(), discussion.target().target().id(),
                discussion.isOpen(), discussion.whyClosed().map(key -> Texts.format(locale, key)).orElse(null),
                discussion.count(), discussion.comments().stream().map(c -> of(c, locale)).toList());
    }

    public static CommentJson of(Comment c, Locale locale) {
        String badge = c.getAuthorBadge().map(Enum::name).orElse(null);
        return new CommentJson(c.getId(), c.getParentId().orElse(null), c.getDepth(), c.isDeleted() ? null : c.getAuthorName(),
                badge, badge == null ? null : Texts.format(locale, "comment.badge." + badge), c.getCreatedAt(),
                c.getEditedAt().orElse(null), c.getStatus().name(), c.isHidden() ? "" : c.getBody(),
                c.getVisibility().state().name(), c.getVisibility().publicReason().orElse(null));
    }
}
