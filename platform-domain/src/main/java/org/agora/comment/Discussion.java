package org.agora.comment;

import java.util.List;
import java.util.Optional;

/**
 * The comments of a target as readers see them: in reading order (oldest first, each followed by its replies, oldest
 * first), with whether the target takes comments now. A deleted comment stays as a placeholder while it has replies
 * to show, and is left out otherwise.
 */
public record Discussion(Commentable target, List<Comment> comments) {

    public Discussion {
        comments = List.copyOf(comments);
    }

    public boolean isOpen() {
        return target.isOpen();
    }

    public Optional<String> whyClosed() {
        return target.whyClosed();
    }

    /** The published comments and replies (placeholders of deleted and hidden ones not counted). */
    public long count() {
        return comments.stream().filter(c -> c.isPublished() && !c.isHidden()).count();
    }
}
