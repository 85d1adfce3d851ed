package org.agora.api.comment;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The comments under something residents discuss, through the API: anyone who may see it reads them; those the
 * owning capability lets comment post a comment or a reply (three levels deep at most). Each kind of target has its
 * own address, given by a subclass that says which target an id names.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class CommentsResource {

    /** A new comment: its rich text (HTML, sanitized when stored), and the comment it replies to, if any. */
    public record NewCommentJson(String body, Long parent) {
    }

    @Inject
    CommentService comments;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpHeaders headers;

    /** The target the address's id names. */
    protected abstract CommentTarget target(long id);

    @GET
    @Operation(summary = "The comments in reading order (each followed by its replies), with whether the target takes "
            + "comments now and, if not, why (404 for an unknown target or one the caller may not see)")
    public DiscussionJson discussion(@PathParam("id") long id) {
        return CommentsJson.of(comments.discussion(currentUser.actor(), target(id), Instant.now()), locale());
    }

    @POST
    @Operation(summary = "Post a comment, or a reply with \"parent\"; the body is rich text of at most 2,000 characters")
    @APIResponse(responseCode = "201", description = "The comment as stored (its body sanitized)")
    @APIResponse(responseCode = "400", description = "An empty or too long body, a reply too deep or to a comment of "
            + "another target (problem JSON naming the field); nothing stored")
    @APIResponse(responseCode = "401", description = "No bearer token")
    @APIResponse(responseCode = "403", description = "The caller may not comment here, or the target takes no more comments")
    @SecurityRequirement(name = "keycloak")
    public Response post(@PathParam("id") long id, NewCommentJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        CommentTarget target = target(id);
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
