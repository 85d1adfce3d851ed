package org.agora.comment;

import java.util.Optional;

/**
 * A target as the capability owning it sees it for comments: it exists, the reader may see it, and it takes
 * comments now, or not with the reason (a message key of that capability, e.g. the vote has ended).
 */
public record Commentable(CommentTarget target, Optional<String> whyClosed) {

    public static Commentable open(CommentTarget target) {
        return new Commentable(target, Optional.empty());
    }

    public static Commentable closed(CommentTarget target, String reason) {
        return new Commentable(target, Optional.of(reason));
    }

    public boolean isOpen() {
        return whyClosed.isEmpty();
    }
}
