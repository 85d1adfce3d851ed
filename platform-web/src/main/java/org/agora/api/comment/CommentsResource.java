package org.agora.api.comment;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.agora.api.comment.CommentsJson.CommentJson;
import org.agora.api.comment.CommentsJson.DiscussionJson;
import org.agora.comment.Comment;
import org.agora.comment.CommentService;
import org.agora.comment.CommentTarget;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * The comments under something residents discuss, through the API: anyone who may see it reads them; those the
 * owning capability lets comment post a comment or a reply (three levels deep at most). Each kind of target has its
 * own address, given by a subclass whose two annotated methods name the target (MicroProfile OpenAPI on Payara fails
 * on resource methods inherited from a superclass, so they are declared there).
 */
public abstract class CommentsResource {

    /** What {@code POST} answers, for the OpenAPI description of each subclass. */
    protected static final String POSTED = "The comment as stored (its body sanitized)";

    protected static final String REFUSED = "An empty or too long body, a reply too deep or to a comment of another "
            + "target (problem JSON naming the field); nothing stored";

    /** A new comment: its rich text (HTML, sanitized when stored), and the comment it replies to, if any. */
    public record NewCommentJson(String body, Long parent) {
    }

    @Inject
    CommentService comments;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpHeaders headers;

    /** The thread of the target, for this reader. */
    protected DiscussionJson discussion(CommentTarget target) {
        return CommentsJson.of(comments.discussion(currentUser.actor(), target, Instant.now()), locale());
    }

    /** Posts a comment, or a reply when the request names its parent; 201 with the comment as stored. */
    protected Response post(CommentTarget target, NewCommentJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        Instant now = Instant.now();
        String name = currentUser.getDisplayName();
        Comment stored = request.parent() == null
                ? comments.post(currentUser.actor(), name, target, request.body(), now)
                : comments.reply(currentUser.actor(), name, target, request.parent(), request.body(), now);
        CommentJson json = CommentsJson.of(stored, locale());
        return Response.status(Response.Status.CREATED).entity(json).build();
    }

    private Locale locale() {
        return Texts.preferred(headers.getAcceptableLanguages());
    }
}
