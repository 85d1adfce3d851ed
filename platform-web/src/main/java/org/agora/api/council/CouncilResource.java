package org.agora.api.council;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agora.council.Council;
import org.agora.council.CouncilService;
import org.agora.council.Meeting;
import org.agora.council.MeetingCalendar;
import org.agora.council.MeetingService;
import org.agora.council.Membership;
import org.agora.council.MembershipStatus;
import org.agora.council.Registration;
import org.agora.council.RegistrationStatus;
import org.agora.shared.Actor;
import org.agora.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The neighbourhood councils through the API: the directory, a council and its meetings (public), its members and
 * members-only meetings for members and leaders only (401 without a token, 403 for others), joining and leaving,
 * registering for a meeting and cancelling, and a meeting's calendar file.
 */
@Path("councils")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CouncilResource {

    /** A meeting in a list: {@code place} and {@code onlineLink} may be null (not both). */
    public record MeetingSummaryJson(long id, String title, Instant startsAt, Instant endsAt, String place,
                                     String onlineLink, boolean membersOnly, boolean hasMinutes, boolean cancelled) {
    }

    /** A council in the directory, with its next public meeting (null when none is scheduled). */
    public record CouncilSummaryJson(long id, String name, long neighbourhoodId, String neighbourhood, String district,
                                     boolean approvalRequired, MeetingSummaryJson nextMeeting) {
    }

    /**
     * A council: {@code presentation} is sanitized HTML; {@code cover} the address of its image;
     * {@code membership} the caller's status (null when they never joined).
     */
    public record CouncilJson(long id, String name, long neighbourhoodId, String neighbourhood, String district,
                              String presentation, String contact, boolean approvalRequired, URI cover,
                              long memberCount, MembershipStatus membership) {
    }

    /** A member as other members see them: the display name only. */
    public record MemberJson(String displayName) {
    }

    /**
     * A meeting: the agenda and minutes are sanitized HTML; {@code capacity} null for no cap; {@code minutesPdf} the
     * address of the minutes' PDF when there is one; {@code registration} the caller's, {@code waitingPosition}
     * their place on the waiting list (1 is next); {@code cancelReason} why its leaders cancelled it (null while it
     * holds).
     */
    public record MeetingJson(long id, long council, String title, Instant startsAt, Instant endsAt, String place,
                              String onlineLink, String agenda, boolean membersOnly, Integer capacity,
                              long registered, long waiting, RegistrationStatus registration, Long waitingPosition,
                              String minutes, Integer attendance, URI minutesPdf, URI calendar, boolean cancelled,
                              String cancelReason) {
    }

    /** Why the leaders cancel a meeting: everyone reads it. */
    public record CancellationJson(String reason) {
    }

    /** The caller's membership after joining or leaving. */
    public record MembershipJson(long council, MembershipStatus status) {
    }

    /** The caller's registration after registering or cancelling; {@code waitingPosition} when they wait. */
    public record RegistrationJson(long meeting, RegistrationStatus status, Long waitingPosition) {
    }

    @Inject
    CouncilService councils;

    @Inject
    MeetingService meetings;

    @Inject
    Actor actor;

    @Inject
    CurrentUser currentUser;

    @Inject
    org.agora.moderation.ModerationService moderation;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Every neighbourhood council, by district then neighbourhood, with its next public meeting")
    public List<CouncilSummaryJson> directory() {
        Map<Long, Meeting> next = meetings.nextPublicMeetings(Instant.now());
        return councils.directory().stream().map(c -> new CouncilSummaryJson(c.getId(), c.getName(),
                c.getNeighbourhood().getId(), c.getNeighbourhood().getName(), c.getDistrictCode().value(),
                c.isApprovalRequired(), next.containsKey(c.getId()) ? summary(next.get(c.getId())) : null)).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A council's public part, and the caller's membership")
    @APIResponse(responseCode = "404", description = "No such council")
    public CouncilJson council(@PathParam("id") long id) {
        Council c = councils.get(id);
        // the base is .../api/; images are served beside it, at .../images/{id}
        URI cover = c.getCoverImageId().map(image -> uri.getBaseUri().resolve("../images/" + image)).orElse(null);
        MembershipStatus status = councils.membership(actor, id).map(Membership::getStatus).orElse(null);
        return new CouncilJson(c.getId(), c.getName(), c.getNeighbourhood().getId(), c.getNeighbourhood().getName(),
                c.getDistrictCode().value(), c.getPresentation(), c.getContact().orElse(null), c.isApprovalRequired(),
                cover, councils.memberCount(id), status);
    }

    /** Whether the council's members' new ideas and comments wait for a moderator's approval. */
    public record PreModerationJson(Boolean preModerated) {
    }

    /** How many contributions to the council moderators refused for one public reason. */
    public record RejectionJson(String reason, long count) {
    }

    @PUT
    @Path("{id}/pre-moderation")
    @Operation(summary = "Turn the council's pre-moderation on or off (its leaders): members' new ideas and comments "
            + "then wait for a moderator's approval before anyone else sees them")
    @APIResponse(responseCode = "403", description = "Not a leader of the council")
    @SecurityRequirement(name = "keycloak")
    public PreModerationJson preModerate(@PathParam("id") long id, PreModerationJson request) {
        if (request == null) {
            throw new org.agora.shared.InvalidInputException(null, "api.body.required");
        }
        return new PreModerationJson(councils.preModerate(actor, id, request.preModerated()).isPreModerated());
    }

    @GET
    @Path("{id}/rejections")
    @Operation(summary = "How many contributions to the council moderators refused, by public reason (public)")
    public List<RejectionJson> rejections(@PathParam("id") long id) {
        return moderation.rejections(councils.get(id).getModerationSpace()).entrySet().stream()
                .map(e -> new RejectionJson(e.getKey(), e.getValue())).toList();
    }

    @GET
    @Path("{id}/meetings")
    @Operation(summary = "The council's meetings the caller may see (members-only ones for members and leaders), "
            + "upcoming first in time order, then past ones latest first")
    public List<MeetingSummaryJson> meetings(@PathParam("id") long id) {
        Instant now = Instant.now();
        List<Meeting> all = new java.util.ArrayList<>(meetings.upcoming(actor, id, now));
        all.addAll(meetings.past(actor, id, now));
        return all.stream().map(CouncilResource::summary).toList();
    }

    @GET
    @Path("{id}/members")
    @Operation(summary = "The council's members by display name (no e-mail address), for members and leaders only")
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "The caller is neither a member nor a leader of the council")
    @SecurityRequirement(name = "keycloak")
    public List<MemberJson> members(@PathParam("id") long id) {
        return councils.members(actor, id).stream().map(m -> new MemberJson(m.getDisplayName())).toList();
    }

    @POST
    @Path("{id}/membership")
    @Operation(summary = "Join the council, or ask to when it needs an animator's approval (residents)")
    @APIResponse(responseCode = "409", description = "Already a member, or already asking")
    @SecurityRequirement(name = "keycloak")
    public MembershipJson join(@PathParam("id") long id) {
        Membership m = councils.join(actor, id, currentUser.getDisplayName(), Instant.now());
        return new MembershipJson(id, m.getStatus());
    }

    @DELETE
    @Path("{id}/membership")
    @Operation(summary = "Leave the council, or withdraw one's request")
    @SecurityRequirement(name = "keycloak")
    public MembershipJson leave(@PathParam("id") long id) {
        return new MembershipJson(id, councils.leave(actor, id, Instant.now()).getStatus());
    }

    @GET
    @Path("meetings/{id}")
    @Operation(summary = "A meeting with its seats, the caller's registration and its minutes once published")
    @APIResponse(responseCode = "403", description = "A members-only meeting, and the caller is not a member (401 without a token)")
    @APIResponse(responseCode = "404", description = "No such meeting")
    public MeetingJson meeting(@PathParam("id") long id) {
        Meeting m = meetings.get(actor, id);
        RegistrationStatus mine = meetings.registration(actor, id).filter(Registration::isActive)
                .map(Registration::getStatus).orElse(null);
        Long position = meetings.waitingPosition(actor, id).stream().boxed().findFirst().orElse(null);
        URI pdf = meetings.hasMinutesPdf(id) ? page("councils/minutes.pdf", id) : null;
        return new MeetingJson(m.getId(), m.getCouncil().getId(), m.getTitle(), m.getStartsAt(), m.getEndsAt(),
                m.getPlace().orElse(null), m.getOnlineLink().orElse(null), m.getAgenda(), m.isMembersOnly(),
                m.getCapacity().orElse(null), meetings.registeredCount(id), meetings.waitingCount(id), mine, position,
                m.getMinutes().orElse(null), m.getAttendance().orElse(null), pdf,
                uri.getBaseUri().resolve("councils/meetings/" + id + "/calendar"), m.isCancelled(),
                m.getCancelReason().orElse(null));
    }

    @POST
    @Path("meetings/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel the meeting before it starts, with a public reason (its council's leaders): its "
            + "members and everyone registered or waiting are told, and nobody registers any more")
    @APIResponse(responseCode = "400", description = "No reason, or the meeting has started")
    @APIResponse(responseCode = "403", description = "Not a leader of the council")
    @APIResponse(responseCode = "409", description = "Already cancelled")
    @SecurityRequirement(name = "keycloak")
    public MeetingJson cancelMeeting(@PathParam("id") long id, CancellationJson request) {
        if (request == null) {
            throw new org.agora.shared.InvalidInputException(null, "api.body.required");
        }
        meetings.cancelMeeting(actor, id, request.reason(), Instant.now());
        return meeting(id);
    }

    @GET
    @Path("meetings/{id}/calendar")
    @Produces("text/calendar")
    @Operation(summary = "The meeting as an iCalendar file (RFC 5545)")
    public Response calendar(@PathParam("id") long id) {
        String ics = meetings.calendar(actor, id, uri.getBaseUri().getHost(),
                page("councils/meeting.xhtml", id).toString(), Instant.now());
        return Response.ok(ics, MeetingCalendar.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"").build();
    }

    @POST
    @Path("meetings/{id}/registration")
    @Operation(summary = "Register for the meeting: a seat while some are left, the waiting list otherwise")
    @APIResponse(responseCode = "409", description = "Already registered or waiting")
    @SecurityRequirement(name = "keycloak")
    public RegistrationJson register(@PathParam("id") long id) {
        Registration r = meetings.register(actor, id, currentUser.getDisplayName(), Instant.now());
        return new RegistrationJson(id, r.getStatus(),
                meetings.waitingPosition(actor, id).stream().boxed().findFirst().orElse(null));
    }

    @DELETE
    @Path("meetings/{id}/registration")
    @Operation(summary = "Cancel one's registration; a freed seat goes to the first on the waiting list")
    @SecurityRequirement(name = "keycloak")
    public RegistrationJson cancel(@PathParam("id") long id) {
        return new RegistrationJson(id, meetings.cancel(actor, id, Instant.now()).getStatus(), null);
    }

    private URI page(String path, long id) {
        return uri.getBaseUri().resolve("../" + path + "?id=" + id);
    }

    private static MeetingSummaryJson summary(Meeting m) {
        return new MeetingSummaryJson(m.getId(), m.getTitle(), m.getStartsAt(), m.getEndsAt(), m.getPlace().orElse(null),
                m.getOnlineLink().orElse(null), m.isMembersOnly(), m.hasMinutes(), m.isCancelled());
    }
}
