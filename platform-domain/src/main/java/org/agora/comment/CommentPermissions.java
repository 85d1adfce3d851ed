package org.agora.comment;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.Role;

/**
 * Who may comment on what. Anyone reads the comments of a target they may see. Signed-in residents and staff
 * (district agents, moderators, the office) write, reply to, edit and delete comments on a target that takes them
 * now; the capability owning the target says when it does ({@link Commentable}). Only its author edits or deletes a
 * comment; once the target is closed its comments no longer change, but their authors may still delete them.
 * The reasons are message keys, which the pages and the API show.
 */
public final class CommentPermissions {

    private CommentPermissions() {
    }

    /** Why this person may not write on the target now; empty when they may. A closed target says so to anyone. */
    public static Optional<String> whyNotComment(Actor actor, Commentable target) {
        if (!target.isOpen()) {
            return target.whyClosed();
        }
        if (!actor.isSignedIn()) {
            return Optional.of("comment.signInFirst");
        }
        if (actor.isBlocked()) {
            return Optional.of(Actor.BLOCKED);
        }
        if (!isParticipant(actor)) {
            return Optional.of("comment.residentsAndStaffOnly");
        }
        return Optional.empty();
    }

    /** Why this person may not change the comment's text now; empty when they may: its author, while the target is open. */
    public static Optional<String> whyNotEdit(Actor actor, Comment comment, Commentable target) {
        return authorOf(actor, comment).or(() -> whyNotComment(actor, target));
    }

    /** Why this person may not delete the comment; empty when they may: its author, at any time. */
    public static Optional<String> whyNotDelete(Actor actor, Comment comment) {
        return authorOf(actor, comment);
    }

    public static boolean canComment(Actor actor, Commentable target) {
        return whyNotComment(actor, target).isEmpty();
    }

    public static boolean canEdit(Actor actor, Comment comment, Commentable target) {
        return comment.isPublished() && whyNotEdit(actor, comment, target).isEmpty();
    }

    public static boolean canDelete(Actor actor, Comment comment) {
        return comment.isPublished() && whyNotDelete(actor, comment).isEmpty();
    }

    private static boolean isParticipant(Actor actor) {
        return actor.has(Role.RESIDENT) || actor.has(Role.DISTRICT_AGENT) || actor.has(Role.MODERATOR)
                || actor.has(Role.OFFICE_ADMIN);
    }

    private static Optional<String> authorOf(Actor actor, Comment comment) {
        return actor.isSignedIn() && actor.username().equals(comment.getAuthor())
                ? Optional.empty() : Optional.of("comment.authorOnly");
    }
}
