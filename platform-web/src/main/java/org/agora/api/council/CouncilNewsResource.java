package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.agora.council.CouncilNewsService;
import org.agora.council.NewsPost;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * A council's news through the API: anyone reads the public posts, members and leaders all (a members-only post is a
 * 404 for anyone else); leaders post (rich text, sanitized) and remove.
 */
@Path("councils/{council}/news")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouncilNewsResource {

    /** A news post: {@code body} is sanitized HTML. */
    /** {@code moderation}: VISIBLE, PENDING or HIDDEN; a hidden post has no title nor body, but its public reason. */
    public record NewsJson(long id, long council, String title, String body, boolean membersOnly, Instant publishedAt,
                           String moderation, String publicReason) {
    }

    /** A new post: {@code body} is HTML, reduced to a few safe tags before it is stored. */
    public record NewNewsJson(String title, String body, boolean membersOnly) {
    }

    @Inject
    CouncilNewsService news;

    @Inject
    Actor actor;

    @GET
    @Operation(summary = "The council's news posts the caller may read, newest first")
    public List<NewsJson> list(@PathParam("council") long council) {
        return news.visible(actor, council).stream().map(CouncilNewsResource::json).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One news post; 404 when it is unknown, or members-only and the caller is neither a member "
            + "nor a leader")
    public NewsJson get(@PathParam("council") long council, @PathParam("id") long id) {
        return json(ofCouncil(council, id));
    }

    @POST
    @Operation(summary = "Post news (the council's animators, its district's agents, the office)")
    @APIResponse(responseCode = "201", description = "The post as stored")
    @APIResponse(responseCode = "400", description = "No title or no text; nothing is stored")
    @SecurityRequirement(name = "keycloak")
    public Response post(@PathParam("council") long council, NewNewsJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        NewsPost post = news.post(actor, council, request.title(), request.body(), request.membersOnly(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(json(post)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a news post (the council's leaders)")
    @APIResponse(responseCode = "204", description = "Removed")
    @SecurityRequirement(name = "keycloak")
    public Response remove(@PathParam("council") long council, @PathParam("id") long id) {
        ofCouncil(council, id);
        news.remove(actor, id);
        return Response.noContent().build();
    }

    private NewsPost ofCouncil(long council, long id) {
        NewsPost post = news.get(actor, id);
        if (post.getCouncilId() != council) {
            throw new NotFoundException("council.news.notFound", id);
        }
        return post;
    }

    private static NewsJson json(NewsPost p) {
        boolean hidden = p.isHidden();
        return new NewsJson(p.getId(), p.getCouncilId(), hidden ? null : p.getTitle(), hidden ? null : p.getBody(),
                p.isMembersOnly(), p.getPublishedAt(), p.getVisibility().state().name(),
                p.getVisibility().publicReason().orElse(null));
    }
}
