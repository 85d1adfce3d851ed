package org.agora.api.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.agora.api.comment.CommentsJson;
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
 * The comments of a budget project through the API: anyone reads them; signed-in residents and staff post a comment
 * or a reply (three levels deep at most) until the call's vote ends.
 */
@Path("budget/projects/{id}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectCommentResource {

    /** A new comment: its rich text (HTML, sanitized when stored), and the comment it replies to, if any. */
    public record NewCommentJson(String body, Long parent) {
    }

    @Inject
    CommentService comments;

    @Inject
    CurrentUser currentUser;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The project's comments in reading order (each followed by its replies), with whether it "
            + "takes comments now (public; 404 for an unknown project)")
    public DiscussionJson discussion(@PathParam("id") long id) {
        return CommentsJson.of(comments.discussion(currentUser.actor(), CommentTarget.budgetProject(id), Instant.now()),
                locale());
    }

    @POST
    @Operation(summary = "Post a comment on the project, or a reply with \"parent\" (signed-in residents and staff, "
            + "until the vote ends); the body is rich text of at most 2,000 characters")
    @APIResponse(responseCode = "201", description = "The comment as stored (its body sanitized)")
    @APIResponse(responseCode = "400", description = "An empty or too long body, a reply too deep or to a comment of "
            + "another target (problem JSON naming the field); nothing stored")
    @APIResponse(responseCode = "401", description = "No bearer token")
    @APIResponse(responseCode = "403", description = "Not a resident or staff, or the project takes no more comments")
    @SecurityRequirement(name = "keycloak")
    public Response post(@PathParam("id") long id, NewCommentJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        CommentTarget target = CommentTarget.budgetProject(id);
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
