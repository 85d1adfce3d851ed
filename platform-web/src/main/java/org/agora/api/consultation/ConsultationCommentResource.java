package org.agora.api.consultation;

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

/** A consultation's comments: those who may see it read them; signed-in residents and staff comment while it is open. */
@Path("consultations/{id}/comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationCommentResource extends CommentsResource {

    @GET
    @Operation(summary = "The consultation's comments in reading order, with whether it takes comments now (404 for an unknown consultation or a draft)")
    public DiscussionJson thread(@PathParam("id") long id) {
        return discussion(CommentTarget.consultation(id));
    }

    @POST
    @Operation(summary = "Post a comment on the consultation, or a reply with \"parent\" (signed-in residents and staff, while it is open)")
    @APIResponse(responseCode = "201", description = POSTED)
    @APIResponse(responseCode = "400", description = REFUSED)
    @APIResponse(responseCode = "401", description = "No bearer token")
    @APIResponse(responseCode = "403", description = "Not a resident or staff, or the consultation is not open")
    @SecurityRequirement(name = "keycloak")
    public Response comment(@PathParam("id") long id, NewCommentJson request) {
        return post(CommentTarget.consultation(id), request);
    }
}
