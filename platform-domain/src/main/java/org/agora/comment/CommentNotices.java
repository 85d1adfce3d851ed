package org.agora.comment;

import org.agora.notification.Notice;
import org.agora.notification.NotificationKind;
import org.agora.shared.RichText;

/** What the comments tell people: the author of a comment that got a reply (not when they reply to themselves). */
final class CommentNotices {

    /** The start of the reply quoted in the mail. */
    static final int EXCERPT = 300;

    private CommentNotices() {
    }

    static boolean worthTelling(Comment parent, Comment reply) {
        return !parent.getAuthor().equals(reply.getAuthor());
    }

    static Notice replied(Comment parent, Comment reply) {
        String text = RichText.plainText(reply.getBody()).strip();
        String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT - 1) + "…" : text;
        return Notice.of(parent.getAuthor(), NotificationKind.COMMENT_REPLY, "comment.reply",
                page(reply.getTarget()) + "#comment-" + reply.getId(), reply.getAuthorName(), excerpt);
    }

    /** The page where the target's discussion is read. */
    static String page(CommentTarget target) {
        return switch (target.kind()) {
            case BUDGET_PROJECT -> "/budget/project.xhtml?id=" + target.id();
            case CONSULTATION -> "/consultations/view.xhtml?id=" + target.id();
            case COUNCIL_POST -> "/councils/post.xhtml?id=" + target.id();
            case COUNCIL_IDEA -> "/councils/idea.xhtml?id=" + target.id();
        };
    }
}
