package org.agora.api.budget;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.agora.budget.followup.FollowUpService;
import org.agora.budget.followup.FollowUpStatus;
import org.agora.budget.followup.FollowUpUpdate;
import org.agora.budget.followup.ProjectFollowUp;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.web.platform.Texts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The implementation follow-up of a winning project through the API: anyone reads it once the results are public;
 * the envelope's managers (the office, the agents of its district) change its status and progress and post dated
 * updates with an optional photo. The first change of a winner starts the follow-up of its envelope.
 */
@Path("budget/projects/{id}/followup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    /** A dated update; {@code photo} is the address of its photo, when it has one. */
    public record UpdateJson(long id, Instant postedAt, String text, Long photoId, URI photo) {
    }

    /** Where a winning project stands: {@code statusText} in the caller's language, progress in %. */
    public record FollowUpJson(long project, String title, long envelope, FollowUpStatus status, String statusText,
                               int progress, String abandonReason, Instant changedAt, List<UpdateJson> updates) {
    }

    /**
     * A change of status: STUDIED, IN_PROGRESS, DELIVERED or ABANDONED; {@code progress} in % (left out: unchanged,
     * or 100 for DELIVERED); {@code reason}, public, required for ABANDONED.
     */
    public record StatusJson(String status, Integer progress, String reason) {
    }

    /** A new update: its text and, optionally, a PNG or JPEG photo as base64 with its file name. */
    public record NewUpdateJson(String text, String photo, String photoName) {
    }

    @Inject
    FollowUpService followUps;

    @Inject
    Actor actor;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The implementation follow-up of a winning project with its updates, newest first "
            + "(public once the results are; 404 for a project that is not followed up)")
    public FollowUpJson followUp(@PathParam("id") long id) {
        return json(followUps.get(id, Instant.now()));
    }

    @PUT
    @Path("status")
    @Operation(summary = "Change the status and progress of a winning project (the envelope's managers, once the "
            + "results are public). DELIVERED means 100 %; ABANDONED needs a public reason")
    @APIResponse(responseCode = "200", description = "The follow-up as changed")
    @APIResponse(responseCode = "400", description = "A rule refuses the change (problem JSON naming the field); nothing changed")
    @APIResponse(responseCode = "409", description = "The project did not win, or the follow-up changed meanwhile")
    @SecurityRequirement(name = "keycloak")
    public FollowUpJson changeStatus(@PathParam("id") long id, StatusJson request) {
        StatusJson body = required(request);
        ProjectFollowUp changed = followUps.changeStatus(actor, id, status(body.status()), body.progress(), body.reason(),
                Instant.now());
        return json(changed);
    }

    @POST
    @Path("updates")
    @Operation(summary = "Post a dated update on a winning project (the envelope's managers, once the results are "
            + "public), with an optional photo: PNG or JPEG by its content, 5 MB at most")
    @APIResponse(responseCode = "201", description = "The update as stored")
    @APIResponse(responseCode = "400", description = "No text, or a refused photo (problem JSON naming the field); "
            + "neither the update nor the photo is stored")
    @APIResponse(responseCode = "409", description = "The project did not win")
    @SecurityRequirement(name = "keycloak")
    public Response post(@PathParam("id") long id, NewUpdateJson request) {
        NewUpdateJson body = required(request);
        byte[] photo = body.photo() == null || body.photo().isBlank() ? null : decoded(body.photo());
        FollowUpUpdate update = followUps.postUpdate(actor, id, body.text(), body.photoName(), photo, Instant.now());
        return Response.status(Response.Status.CREATED).entity(json(update)).build();
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FollowUpService.PHOTO, "budget.followup.photoNotBase64");
        }
    }

    private static FollowUpStatus status(String name) {
        if (name == null || name.isBlank()) {
            return null; // the domain refuses it with validation.required
        }
        try {
            return FollowUpStatus.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "budget.followup.unknownStatus", name);
        }
    }

    private FollowUpJson json(ProjectFollowUp followUp) {
        List<UpdateJson> updates = followUps.updates(followUp.getProjectId(), Instant.now()).stream()
                .map(this::json).toList();
        return new FollowUpJson(followUp.getProjectId(), followUp.getProject().getTitle(), followUp.getEnvelopeId(),
                followUp.getStatus(), Texts.format(Texts.preferred(headers.getAcceptableLanguages()),
                        "budget.followup.status." + followUp.getStatus().name()),
                followUp.getProgress(), followUp.getAbandonReason().orElse(null), followUp.getChangedAt(), updates);
    }

    private UpdateJson json(FollowUpUpdate update) {
        Long photoId = update.getImageId().orElse(null);
        // the base is .../api/; images are served beside it, at .../images/{id}
        URI photo = photoId == null ? null : uri.getBaseUri().resolve("../images/" + photoId);
        return new UpdateJson(update.getId(), update.getPostedAt(), update.getText(), photoId, photo);
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        return body;
    }
}
