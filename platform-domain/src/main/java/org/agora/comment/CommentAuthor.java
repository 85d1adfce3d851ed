package org.agora.comment;

import java.util.Optional;
import org.agora.shared.Actor;

/** Who writes a comment: their username, the name readers see, and their staff badge, if any. */
public record CommentAuthor(String username, String displayName, Optional<StaffBadge> badge) {

    /** The signed-in actor under the name they go by (their username when they have none). */
    public static CommentAuthor of(Actor actor, String displayName) {
        String name = displayName == null || displayName.isBlank() ? actor.username() : displayName.strip();
        if (name.length() > Comment.MAX_NAME) {
            name = name.substring(0, Comment.MAX_NAME);
        }
        return new CommentAuthor(actor.username(), name, StaffBadge.of(actor));
    }
}
