package org.agora.api.budget;

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

/** A budget project's comments: anyone reads them; signed-in residents and staff comment until the call's vote ends. */
@Path("budget/projects/{id}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProjectCommentResource extends CommentsResource {

    @GET
    @Operation(summary = "The project's comments in reading order (each followed by its replies), with whether it takes comments now (public; 404 for an unknown project)")
    public DiscussionJson thread(@PathParam("id") long id) {
        return discussion(CommentTarget.budgetProject(id));
    }

    @POST
    @Operation(summary = "Post a comment on the project, or a reply with \"parent\" (signed-in residents and staff, until the vote ends)")
    @APIResponse(responseCode = "201", description = POSTED)
    @APIResponse(responseCode = "400", description = REFUSED)
    @APIResponse(responseCode = "401", description = "No bearer token")
    @APIResponse(responseCode = "403", description = "Not a resident or staff, or the project takes no more comments")
    @SecurityRequirement(name = "keycloak")
    public Response comment(@PathParam("id") long id, NewCommentJson request) {
        return post(CommentTarget.budgetProject(id), request);
    }
}
