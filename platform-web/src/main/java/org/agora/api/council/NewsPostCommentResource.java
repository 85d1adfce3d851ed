package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.agora.api.comment.CommentsJson.DiscussionJson;
import org.agora.api.comment.CommentsResource;
import org.agora.comment.CommentTarget;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The comments under a council's news post: those who may read the post read them; its members and leaders comment. */
@Path("councils/news/{id}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NewsPostCommentResource extends CommentsResource {

    @GET
    @Operation(summary = "The news post's comments in reading order (404 for an unknown post, or a members-only one to others)")
    public DiscussionJson thread(@PathParam("id") long id) {
        return discussion(CommentTarget.councilPost(id));
    }

    @POST
    @Operation(summary = "Post a comment on the news post, or a reply with \"parent\" (the council's members and leaders)")
    @APIResponse(responseCode = "201", description = POSTED)
    @APIResponse(responseCode = "400", description = REFUSED)
    @APIResponse(responseCode = "401", description = "No bearer token")
    @APIResponse(responseCode = "403", description = "Not a member or leader of the council")
    @SecurityRequirement(name = "keycloak")
    public Response comment(@PathParam("id") long id, NewCommentJson request) {
        return post(CommentTarget.councilPost(id), request);
    }
}
