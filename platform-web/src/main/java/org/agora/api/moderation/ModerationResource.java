package org.agora.api.moderation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.agora.moderation.AuditAction;
import org.agora.moderation.AuditEntry;
import org.agora.moderation.AuditLog;
import org.agora.moderation.Block;
import org.agora.moderation.BlockService;
import org.agora.moderation.CaseState;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ItemRef;
import org.agora.moderation.ModeratedItem;
import org.agora.moderation.ModerationCase;
import org.agora.moderation.ModerationService;
import org.agora.moderation.Report;
import org.agora.moderation.ReportReason;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Moderation through the API: anyone signed in reports an item and follows their reports; moderators (everywhere)
 * and district agents (their districts) work the queue and decide; moderators block and unblock residents; the office
 * reads the audit log. Every rule is {@code ModerationPermissions}'s, applied by the services.
 */
@Path("moderation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "keycloak")
public class ModerationResource {

    /**
     * A report: the item's kind (COMMENT, BUDGET_PROJECT, COUNCIL_IDEA, COUNCIL_POST, COUNCIL_DOCUMENT,
     * CONSULTATION_TEXT) and id, a reason, a text.
     */
    public record NewReportJson(String kind, Long item, String reason, String details) {
    }

    public record ReportJson(long id, String kind, long item, String reason, String details, String reporter,
                             Instant reportedAt, String status, String itemState, String excerpt) {
    }

    public record ItemJson(String kind, long id, String author, String district, String excerpt, String path,
                           String visibility, String publicReason) {
    }

    public record CaseJson(long id, String kind, long item, String district, String author, String excerpt,
                           String state, String publicReason, int openReports, Instant openedAt,
                           String decidedBy, Instant decidedAt) {
    }

    public record CaseFileJson(CaseJson moderationCase, List<ReportJson> reports, ItemJson item) {
    }

    /** A decision's reason: public for hide and reject, a note for keep and restore. */
    public record DecisionJson(String reason) {
    }

    public record BlockJson(String username, String reason) {
    }

    public record BlockedJson(String username, String reason, String blockedBy, Instant blockedAt) {
    }

    public record AuditJson(long id, Instant at, String actor, String action, String subjectKind, String subject,
                            String district, String reason, String before, String after) {
    }

    @Inject
    ModerationService moderation;

    @Inject
    BlockService blocks;

    @Inject
    AuditLog audit;

    @Inject
    Actor actor;

    @POST
    @Path("reports")
    @Operation(summary = "Report an item one can see, once (signed-in people not blocked; not one's own item)")
    @APIResponse(responseCode = "201", description = "The report, with the state of the item (PENDING once hidden)")
    @APIResponse(responseCode = "400", description = "No or an unknown kind or reason, OTHER without a text")
    @APIResponse(responseCode = "403", description = "Blocked, or one's own item")
    @APIResponse(responseCode = "404", description = "No such item for this person")
    @APIResponse(responseCode = "409", description = "Already reported by this person")
    public Response report(NewReportJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        if (request.item() == null) {
            throw new InvalidInputException("item", "validation.required");
        }
        ItemRef ref = new ItemRef(parse(ItemKind.class, "kind", request.kind()), request.item());
        Report report = moderation.report(actor, ref, parse(ReportReason.class, "reason", request.reason()),
                request.details(), Instant.now());
        String state = moderation.stateOf(ref).map(Enum::name).orElse(null);
        return Response.status(Response.Status.CREATED).entity(json(report, ref, state, null)).build();
    }

    @GET
    @Path("reports/mine")
    @Operation(summary = "My reports, newest first, with where each item stands (OPEN, PENDING, KEPT, HIDDEN...)")
    public List<ReportJson> mine() {
        return moderation.myReports(actor).stream()
                .map(r -> json(r.report(), r.item(), r.state().name(), r.excerpt())).toList();
    }

    @GET
    @Path("cases")
    @Operation(summary = "The queue: cases awaiting a decision (or in the state asked), filtered by kind, district and "
            + "reason; moderators see every district, district agents theirs")
    @APIResponse(responseCode = "403", description = "Not a moderator, the office or a district agent")
    public List<CaseJson> queue(@QueryParam("kind") String kind, @QueryParam("district") String district,
                                @QueryParam("reason") String reason, @QueryParam("state") String state) {
        ModerationService.QueueFilter filter = new ModerationService.QueueFilter(
                optional(ItemKind.class, "kind", kind),
                Optional.ofNullable(district).filter(d -> !d.isBlank()).map(d -> DistrictCode.parse(d)
                        .orElseThrow(() -> new InvalidInputException("district", "moderation.filter.unknown", d))),
                optional(ReportReason.class, "reason", reason), optional(CaseState.class, "state", state));
        return moderation.queue(actor, filter).stream().map(ModerationResource::json).toList();
    }

    @GET
    @Path("cases/{id}")
    @Operation(summary = "One case with its reports and the item as shown now")
    @APIResponse(responseCode = "403", description = "Not one who moderates the item's district")
    @APIResponse(responseCode = "404", description = "No such case")
    public CaseFileJson caseFile(@PathParam("id") long id) {
        ModerationService.CaseFile file = moderation.caseFile(actor, id);
        ModerationCase c = file.moderationCase();
        return new CaseFileJson(json(c), file.reports().stream()
                .map(r -> json(r, c.getItem(), c.getState().name(), c.getExcerpt())).toList(),
                file.item().map(ModerationResource::json).orElse(null));
    }

    @POST
    @Path("cases/{id}/keep")
    @Operation(summary = "Keep the item: its reports are dismissed, it is shown (again)")
    @APIResponse(responseCode = "403", description = "Not one who moderates the item's district")
    @APIResponse(responseCode = "409", description = "Already decided")
    public CaseJson keep(@PathParam("id") long id, DecisionJson decision) {
        return json(moderation.keep(actor, id, reason(decision), Instant.now()));
    }

    @POST
    @Path("cases/{id}/hide")
    @Operation(summary = "Hide the item with a public reason shown in its place")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "403", description = "Not one who moderates the item's district")
    public CaseJson hide(@PathParam("id") long id, DecisionJson decision) {
        return json(moderation.hide(actor, id, reason(decision), Instant.now()));
    }

    @POST
    @Path("cases/{id}/restore")
    @Operation(summary = "Show a hidden item again")
    @APIResponse(responseCode = "403", description = "Not one who moderates the item's district")
    @APIResponse(responseCode = "409", description = "The item is not hidden")
    public CaseJson restore(@PathParam("id") long id, DecisionJson decision) {
        return json(moderation.restore(actor, id, reason(decision), Instant.now()));
    }

    @POST
    @Path("cases/{id}/reject")
    @Operation(summary = "Reject a budget proposal still in review, with a public reason: it leaves the review")
    @APIResponse(responseCode = "403", description = "Not one who moderates the item's district")
    @APIResponse(responseCode = "409", description = "Not a proposal in review")
    public CaseJson reject(@PathParam("id") long id, DecisionJson decision) {
        return json(moderation.reject(actor, id, reason(decision), Instant.now()));
    }

    @GET
    @Path("blocks")
    @Operation(summary = "The blocked residents (moderators and the office)")
    public List<BlockedJson> blocked() {
        return blocks.blocked(actor).stream().map(ModerationResource::json).toList();
    }

    @POST
    @Path("blocks")
    @Operation(summary = "Block a resident with a reason they are shown: they can no longer post, report, support or vote")
    @APIResponse(responseCode = "201", description = "Blocked")
    @APIResponse(responseCode = "409", description = "Already blocked")
    public Response block(BlockJson request) {
        if (request == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        Block block = blocks.block(actor, request.username(), request.reason(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(json(block)).build();
    }

    @POST
    @Path("blocks/{username}/unblock")
    @Operation(summary = "Unblock a resident, with a reason")
    @APIResponse(responseCode = "204", description = "Unblocked")
    @APIResponse(responseCode = "409", description = "Not blocked")
    public Response unblock(@PathParam("username") String username, DecisionJson decision) {
        blocks.unblock(actor, username, reason(decision), Instant.now());
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit log, newest first (200 lines), filtered by actor, action and subject kind (the office)")
    @APIResponse(responseCode = "403", description = "Not the office")
    public List<AuditJson> audit(@QueryParam("actor") String who, @QueryParam("action") String action,
                                 @QueryParam("kind") String kind) {
        return audit.read(actor, new AuditLog.Filter(Optional.ofNullable(who), optional(AuditAction.class, "action",
                        action), Optional.ofNullable(kind).filter(k -> !k.isBlank()), Optional.empty(), Optional.empty()))
                .stream().map(ModerationResource::json).toList();
    }

    private static String reason(DecisionJson decision) {
        return decision == null ? null : decision.reason();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "moderation.filter.unknown", value);
        }
    }

    private static <E extends Enum<E>> Optional<E> optional(Class<E> type, String field, String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(type, field, value));
    }

    static ReportJson json(Report r, ItemRef item, String state, String excerpt) {
        return new ReportJson(r.getId(), item.kind().name(), item.id(), r.getReason().name(), r.getDetails().orElse(null),
                r.getReporter(), r.getReportedAt(), r.getStatus().name(), state, excerpt);
    }

    static CaseJson json(ModerationCase c) {
        return new CaseJson(c.getId(), c.getItem().kind().name(), c.getItem().id(),
                c.getDistrict().map(DistrictCode::value).orElse(null), c.getAuthor(), c.getExcerpt(),
                c.getState().name(), c.getPublicReason().orElse(null), c.getOpenReports(), c.getOpenedAt(),
                c.getDecidedBy().orElse(null), c.getDecidedAt().orElse(null));
    }

    static ItemJson json(ModeratedItem i) {
        return new ItemJson(i.ref().kind().name(), i.ref().id(), i.author(),
                i.district().map(DistrictCode::value).orElse(null), i.excerpt(), i.path(), i.visibility().state().name(),
                i.visibility().publicReason().orElse(null));
    }

    static BlockedJson json(Block b) {
        return new BlockedJson(b.getUsername(), b.getReason(), b.getBlockedBy(), b.getBlockedAt());
    }

    static AuditJson json(AuditEntry a) {
        return new AuditJson(a.getId(), a.getActedAt(), a.getActor(), a.getAction().name(), a.getSubjectKind(),
                a.getSubject(), a.getDistrict().map(DistrictCode::value).orElse(null), a.getReason().orElse(null),
                a.getBefore().orElse(null), a.getAfter().orElse(null));
    }
}
