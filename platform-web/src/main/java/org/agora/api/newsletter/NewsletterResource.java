package org.agora.api.newsletter;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.api.Staff;
import org.agora.newsletter.Audience;
import org.agora.newsletter.Newsletter;
import org.agora.newsletter.NewsletterService;
import org.agora.newsletter.NewsletterText;
import org.agora.newsletter.Participation;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;
import org.agora.web.newsletter.NewsletterScheduler;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Newsletters through the API: staff tokens (the office everywhere, district agents for their districts only) write a
 * draft, count its recipients, test it on themselves and send it; anyone reads the sent ones. The same
 * {@link NewsletterService} as the pages, so the same permissions; errors are problem JSON.
 */
@Path("newsletters")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NewsletterResource {

    /** The participation filter: {@code kind} VOTED_IN_CALL, ANSWERED_CONSULTATION or COUNCIL_MEMBER, and the id. */
    public record ParticipationJson(String kind, Long id) {
    }

    /** An audience: no district is the whole city (the office only); no theme is any; no participation filter is anyone. */
    public record AudienceJson(List<String> districts, List<Long> themes, ParticipationJson participation) {
    }

    /** A newsletter to write: bodies are HTML, reduced to a few safe tags before they are stored. */
    public record NewsletterRequest(String subjectFr, String bodyFr, String subjectEn, String bodyEn, AudienceJson audience) {
    }

    public record NewsletterJson(long id, String status, String subjectFr, String bodyFr, String subjectEn, String bodyEn,
                                 AudienceJson audience, String createdBy, Instant createdAt, String sentBy, Instant sentAt,
                                 int queued, boolean fullyQueued) {
    }

    public record CountJson(long recipients) {
    }

    /** A sent newsletter as the public reads it. */
    public record PublishedJson(long id, String subjectFr, String bodyFr, String subjectEn, String bodyEn, Instant sentAt) {
    }

    @Inject
    NewsletterService newsletters;

    @Inject
    NewsletterScheduler scheduler;

    @Inject
    Actor actor;

    @GET
    @Operation(summary = "The sent newsletters, newest first, 20 a page (anyone)")
    public List<PublishedJson> archive(@QueryParam("page") @DefaultValue("1") int page) {
        return newsletters.archive(page).items().stream().map(NewsletterResource::published).toList();
    }

    @GET
    @Path("published/{id}")
    @Operation(summary = "One sent newsletter (anyone); a draft is a 404")
    public PublishedJson published(@PathParam("id") long id) {
        return newsletters.published(id).map(NewsletterResource::published)
                .orElseThrow(() -> new NotFoundException("newsletter.notFound", id));
    }

    @GET
    @Path("mine")
    @Operation(summary = "The newsletters the caller may write to: the office all, an agent their districts'")
    @SecurityRequirement(name = "keycloak")
    public List<NewsletterJson> mine() {
        return newsletters.list(actor).stream().map(NewsletterResource::json).toList();
    }

    @Staff(value = {Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "newsletter.notAllowed")
    @POST
    @Operation(summary = "Write a draft (the office to any audience, a district agent to their districts only)")
    @APIResponse(responseCode = "201", description = "The draft as stored")
    @APIResponse(responseCode = "400", description = "A missing subject or body, an unknown district, theme or target")
    @APIResponse(responseCode = "403", description = "Not staff, or an audience outside the agent's districts")
    @SecurityRequirement(name = "keycloak")
    public Response create(NewsletterRequest request) {
        require(request);
        Newsletter created = newsletters.create(actor, text(request), audience(request.audience()), Instant.now());
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A newsletter, draft or sent, for the staff who may write to its audience")
    @SecurityRequirement(name = "keycloak")
    public NewsletterJson get(@PathParam("id") long id) {
        return json(newsletters.get(actor, id));
    }

    @Staff(value = {Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "newsletter.notAllowed")
    @PUT
    @Path("{id}")
    @Operation(summary = "Change a draft's text and audience; 409 once sent")
    @SecurityRequirement(name = "keycloak")
    public NewsletterJson edit(@PathParam("id") long id, NewsletterRequest request) {
        require(request);
        return json(newsletters.edit(actor, id, text(request), audience(request.audience()), Instant.now()));
    }

    @GET
    @Path("{id}/recipients")
    @Operation(summary = "How many residents the newsletter would reach now (the query the sending uses)")
    @SecurityRequirement(name = "keycloak")
    public CountJson count(@PathParam("id") long id) {
        return new CountJson(newsletters.countRecipients(actor, id));
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Send one copy, marked as a test, to the caller only")
    @APIResponse(responseCode = "202", description = "Queued")
    @SecurityRequirement(name = "keycloak")
    public Response test(@PathParam("id") long id) {
        newsletters.testSend(actor, id, Instant.now());
        return Response.accepted().build();
    }

    @POST
    @Path("{id}/send")
    @Operation(summary = "Send the newsletter: public from now on, its copies queued in batches; 409 when already sent")
    @APIResponse(responseCode = "409", description = "Already sent (a second click, another instance)")
    @SecurityRequirement(name = "keycloak")
    public NewsletterJson send(@PathParam("id") long id) {
        NewsletterJson sent = json(newsletters.send(actor, id, Instant.now()));
        scheduler.queueNow();
        return sent;
    }

    private static void require(NewsletterRequest request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
    }

    private static NewsletterText text(NewsletterRequest r) {
        return NewsletterText.of(r.subjectFr(), r.bodyFr(), r.subjectEn(), r.bodyEn());
    }

    static Audience audience(AudienceJson json) {
        if (json == null) {
            return Audience.WHOLE_CITY;
        }
        Set<DistrictCode> districts = json.districts() == null ? Set.of() : json.districts().stream()
                .map(code -> DistrictCode.parse(code)
                        .orElseThrow(() -> new InvalidInputException("districts", "newsletter.audience.districtUnknown")))
                .collect(Collectors.toSet());
        Set<Long> themes = json.themes() == null ? Set.of()
                : json.themes().stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Optional<Audience.Filter> participation = Optional.ofNullable(json.participation()).map(p -> {
            if (p.kind() == null || p.id() == null) {
                throw new InvalidInputException("participation", "newsletter.audience.participationUnknown");
            }
            try {
                return new Audience.Filter(Participation.valueOf(p.kind()), p.id());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("participation", "newsletter.audience.participationUnknown");
            }
        });
        return new Audience(districts, themes, participation);
    }

    static AudienceJson json(Audience audience) {
        return new AudienceJson(audience.districts().stream().map(DistrictCode::value).sorted().toList(),
                audience.themes().stream().sorted().toList(),
                audience.participation().map(f -> new ParticipationJson(f.kind().name(), f.id())).orElse(null));
    }

    private static NewsletterJson json(Newsletter n) {
        NewsletterText t = n.getText();
        return new NewsletterJson(n.getId(), n.getStatus().name(), t.subjectFr(), t.bodyFr(), t.subjectEn().orElse(null),
                t.bodyEn().orElse(null), json(n.getAudience()), n.getCreatedBy(), n.getCreatedAt(),
                n.getSentBy().orElse(null), n.getSentAt().orElse(null), n.getQueuedCount(), n.isFullyQueued());
    }

    private static PublishedJson published(Newsletter n) {
        NewsletterText t = n.getText();
        return new PublishedJson(n.getId(), t.subjectFr(), t.bodyFr(), t.subjectEn().orElse(null), t.bodyEn().orElse(null),
                n.getSentAt().orElseThrow());
    }
}
