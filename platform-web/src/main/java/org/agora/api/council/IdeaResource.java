package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.agora.council.Idea;
import org.agora.council.IdeaService;
import org.agora.council.IdeaStatus;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A council's ideas board through the API: anyone reads it; members post ideas and support the others' ideas once
 * each; leaders close an idea with an answer.
 */
@Path("councils/{council}/ideas")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdeaResource {

    /** An idea with its supports; {@code supportedByMe} for the caller; {@code answer} once it is closed. */
    public record IdeaJson(long id, long council, String title, String text, String author, Instant postedAt,
                           IdeaStatus status, long supports, boolean supportedByMe, String answer, Instant closedAt,
                           String moderation, String publicReason) {
    }

    /** A new idea: a title and a plain text. */
    public record NewIdeaJson(String title, String text) {
    }

    /** The council's answer, which closes the idea. */
    public record AnswerJson(String answer) {
    }

    @Inject
    IdeaService ideas;

    @Inject
    Actor actor;

    @GET
    @Operation(summary = "The council's ideas, most supported first (order=supports, the default) or newest first "
            + "(order=newest)")
    public List<IdeaJson> board(@PathParam("council") long council,
                                @QueryParam("order") @DefaultValue("supports") String order) {
        IdeaService.Order sorting = switch (order.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "supports" -> IdeaService.Order.SUPPORTS;
            case "newest" -> IdeaService.Order.NEWEST;
            default -> throw new InvalidInputException("order", "council.idea.unknownOrder", order);
        };
        return ideas.board(actor, council, sorting).stream()
                .map(line -> json(line.idea(), line.supports(), line.supportedByMe())).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One idea with its supports")
    public IdeaJson get(@PathParam("council") long council, @PathParam("id") long id) {
        return json(ofCouncil(council, id));
    }

    @POST
    @Operation(summary = "Post an idea (the council's members and animators)")
    @APIResponse(responseCode = "201", description = "The idea as stored")
    @APIResponse(responseCode = "400", description = "No title or no text; nothing is stored")
    @APIResponse(responseCode = "403", description = "The caller is not a member of the council")
    @SecurityRequirement(name = "keycloak")
    public Response post(@PathParam("council") long council, NewIdeaJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        Idea idea = ideas.post(actor, council, request.title(), request.text(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(json(idea)).build();
    }

    @PUT
    @Path("{id}/support")
    @Operation(summary = "Support the idea (members, an open idea not theirs); once only")
    @APIResponse(responseCode = "200", description = "The idea with the new count")
    @APIResponse(responseCode = "409", description = "The caller already supports it")
    @SecurityRequirement(name = "keycloak")
    public IdeaJson support(@PathParam("council") long council, @PathParam("id") long id) {
        ofCouncil(council, id);
        ideas.support(actor, id, Instant.now());
        return json(ideas.get(id));
    }

    @DELETE
    @Path("{id}/support")
    @Operation(summary = "Take one's support back while the idea is open")
    @SecurityRequirement(name = "keycloak")
    public IdeaJson withdrawSupport(@PathParam("council") long council, @PathParam("id") long id) {
        ofCouncil(council, id);
        ideas.withdrawSupport(actor, id);
        return json(ideas.get(id));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close the idea with the council's public answer (the council's leaders)")
    @APIResponse(responseCode = "409", description = "The idea is already closed")
    @SecurityRequirement(name = "keycloak")
    public IdeaJson close(@PathParam("council") long council, @PathParam("id") long id, AnswerJson request) {
        ofCouncil(council, id);
        return json(ideas.close(actor, id, request == null ? null : request.answer(), Instant.now()));
    }

    private Idea ofCouncil(long council, long id) {
        Idea idea = ideas.get(id);
        if (idea.getCouncilId() != council) {
            throw new NotFoundException("council.idea.notFound", id);
        }
        return idea;
    }

    private IdeaJson json(Idea idea) {
        return json(idea, ideas.supports(idea.getId()), ideas.hasSupported(actor, idea.getId()));
    }

    private static IdeaJson json(Idea idea, long supports, boolean mine) {
        boolean hidden = idea.isHidden();
        return new IdeaJson(idea.getId(), idea.getCouncilId(), hidden ? null : idea.getTitle(),
                hidden ? null : idea.getText(), idea.getAuthorName(),
                idea.getPostedAt(), idea.getStatus(), supports, mine, idea.getAnswer().orElse(null),
                idea.getClosedAt().orElse(null), idea.getVisibility().state().name(),
                idea.getVisibility().publicReason().orElse(null));
    }
}
