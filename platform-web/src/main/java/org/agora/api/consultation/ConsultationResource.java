package org.agora.api.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.agora.api.Staff;
import org.agora.consultation.Answer;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationDraft;
import org.agora.consultation.ConsultationFilter;
import org.agora.consultation.ConsultationReading;
import org.agora.consultation.ConsultationService;
import org.agora.consultation.ConsultationStatus;
import org.agora.consultation.Publication;
import org.agora.consultation.ResponseService;
import org.agora.consultation.SubmittedResponse;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Consultations: anyone reads the published ones; organisers (office, agents of the district) build and run
 * them; residents in scope answer, once, with their Keycloak bearer token.
 */
@Path("consultations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationResource {

    public record ConsultationSummary(long id, String title, ConsultationStatus status, String district, Long themeId,
                                      Instant opensAt, Instant closesAt) {
        static ConsultationSummary of(Consultation c) {
            return new ConsultationSummary(c.getId(), c.getTitle(), c.getStatus(),
                    c.getScope().district().map(DistrictCode::value).orElse(null), c.getThemeId(),
                    c.getPeriod().start(), c.getPeriod().end());
        }
    }

    public record ConsultationDetail(long id, String title, String description, ConsultationStatus status,
                                     String district, Long themeId, Instant opensAt, Instant closesAt,
                                     boolean anonymous, boolean answersEditable, boolean preModerated,
                                     List<QuestionJson> questions) {
        static ConsultationDetail of(Consultation c) {
            return new ConsultationDetail(c.getId(), c.getTitle(), c.getDescription(), c.getStatus(),
                    c.getScope().district().map(DistrictCode::value).orElse(null), c.getThemeId(),
                    c.getPeriod().start(), c.getPeriod().end(), c.isAnonymous(), c.isAnswersEditable(),
                    c.isPreModerated(), c.getQuestionnaire().questions().stream().map(QuestionJson::of).toList());
        }
    }

    public record ConsultationRequest(String title, String description, Long themeId, String district,
                                      Instant opensAt, Instant closesAt, boolean anonymous, boolean answersEditable) {
        ConsultationDraft toDraft() {
            return new ConsultationDraft(title, description, themeId, district, opensAt, closesAt, anonymous,
                    answersEditable);
        }
    }

    /** A resident's own response: DRAFT or SUBMITTED, and the answers (none for a submitted anonymous one). */
    public record MyResponse(String status, Long number, Instant savedAt, Map<String, Object> answers) {
    }

    @Inject
    ConsultationService consultations;

    @Inject
    ResponseService responses;

    @Inject
    ConsultationReading reading;

    @Inject
    Actor actor;

    @Inject
    org.agora.moderation.ModerationService moderation;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Published consultations (public), newest first; filter by district, theme and status")
    public List<ConsultationSummary> list(@QueryParam("district") String district, @QueryParam("theme") Long theme,
                                          @QueryParam("status") ConsultationStatus status) {
        return consultations.published(new ConsultationFilter(district, theme, status)).stream()
                .map(ConsultationSummary::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One consultation with its questionnaire (public once scheduled; drafts for organisers)")
    public ConsultationDetail get(@PathParam("id") long id) {
        return ConsultationDetail.of(reading.read(actor, id));
    }

    @POST
    @Operation(summary = "Create a consultation in draft (office-admin anywhere; district-agent in their districts)")
    @SecurityRequirement(name = "keycloak")
    public Response create(ConsultationRequest request) {
        Consultation created = consultations.create(actor, required(request).toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
                .entity(ConsultationDetail.of(created)).build();
    }

    @Staff(value = {Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "consultation.organise.notAllowed")
    @PUT
    @Path("{id}/questions")
    @Operation(summary = "Replace the questionnaire of a draft or scheduled consultation (organisers)")
    @SecurityRequirement(name = "keycloak")
    public ConsultationDetail replaceQuestions(@PathParam("id") long id, List<QuestionJson> questions) {
        return ConsultationDetail.of(consultations.replaceQuestions(actor, id,
                required(questions).stream().map(QuestionJson::toQuestion).toList()));
    }

    @POST
    @Path("{id}/schedule")
    @Operation(summary = "Schedule a draft: it opens and closes on its dates (organisers)")
    @SecurityRequirement(name = "keycloak")
    public ConsultationDetail schedule(@PathParam("id") long id) {
        return ConsultationDetail.of(consultations.schedule(actor, id, Instant.now()));
    }

    @POST
    @Path("{id}/open")
    @Operation(summary = "Open a scheduled consultation now (organisers)")
    @SecurityRequirement(name = "keycloak")
    public ConsultationDetail open(@PathParam("id") long id) {
        return ConsultationDetail.of(consultations.openNow(actor, id, Instant.now()));
    }

    public record PublicationRequest(Publication publication) {
    }

    @PUT
    @Path("{id}/questions/{question}/publication")
    @Operation(summary = "Choose what the public will see of a question's results: NONE, FIGURES or, for free text, "
            + "FIGURES_AND_TEXTS (organisers)")
    @SecurityRequirement(name = "keycloak")
    public Response choosePublication(@PathParam("id") long id, @PathParam("question") String question,
                                      PublicationRequest request) {
        consultations.choosePublication(actor, id, question, required(request).publication());
        return Response.noContent().build();
    }

    /** Whether residents' new comments on the consultation wait for a moderator's approval. */
    public record PreModerationJson(Boolean preModerated) {
    }

    @PUT
    @Path("{id}/pre-moderation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn the consultation's pre-moderation on or off (its organisers): residents' new comments "
            + "then wait for a moderator's approval before anyone else sees them")
    @APIResponse(responseCode = "403", description = "Not an organiser of the consultation")
    @SecurityRequirement(name = "keycloak")
    public ConsultationDetail preModerate(@PathParam("id") long id, PreModerationJson request) {
        if (request == null) {
            throw new org.agora.shared.InvalidInputException(null, "api.body.required");
        }
        return ConsultationDetail.of(consultations.preModerate(actor, id, request.preModerated()));
    }

    /** How many contributions to the consultation moderators refused for one public reason. */
    public record RejectionJson(String reason, long count) {
    }

    @GET
    @Path("{id}/rejections")
    @Operation(summary = "How many contributions (comments, free-text answers) moderators refused, by public reason")
    public List<RejectionJson> rejections(@PathParam("id") long id) {
        return moderation.rejections(reading.read(actor, id).getModerationSpace()).entrySet().stream()
                .map(e -> new RejectionJson(e.getKey(), e.getValue())).toList();
    }

    @POST
    @Path("{id}/publish")
    @Operation(summary = "Publish the results of a closed consultation (organisers)")
    @SecurityRequirement(name = "keycloak")
    public ConsultationDetail publish(@PathParam("id") long id) {
        return ConsultationDetail.of(consultations.publishResults(actor, id));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close an open consultation now (organisers)")
    @SecurityRequirement(name = "keycloak")
    public ConsultationDetail close(@PathParam("id") long id) {
        return ConsultationDetail.of(consultations.closeNow(actor, id, Instant.now()));
    }

    @GET
    @Path("{id}/results")
    @Operation(summary = "Results: public once published (only the questions the organiser published); organisers "
            + "see every question as soon as it opens, except for an anonymous consultation, whose responses are sealed "
            + "until it closes (sealedUntilClose: only the number of residents who answered). Figures by district "
            + "never show a group under 5 answers.")
    public ResultsJson results(@PathParam("id") long id) {
        return ResultsJson.of(reading.results(actor, id));
    }

    @GET
    @Path("{id}/response")
    @Operation(summary = "My response: draft or submitted (residents); 404 when there is none")
    @SecurityRequirement(name = "keycloak")
    public MyResponse mine(@PathParam("id") long id) {
        reading.read(actor, id);
        return responses.mine(actor, id)
                .map(r -> new MyResponse(r.getStatus().name(), r.isSubmitted() ? r.getId() : null, r.getSavedAt(),
                        AnswersJson.write(r.getAnswers())))
                .or(() -> responses.hasAnswered(actor, id)
                        ? java.util.Optional.of(new MyResponse("SUBMITTED", null, null, Map.of()))
                        : java.util.Optional.empty())
                .orElseThrow(() -> new NotFoundException("consultation.response.none"));
    }

    @PUT
    @Path("{id}/draft")
    @Operation(summary = "Save unfinished answers to come back to (residents in scope, while open). An anonymous "
            + "consultation keeps no draft on the server (403 consultation.answer.draftInBrowser): keep it on the device.")
    @SecurityRequirement(name = "keycloak")
    public MyResponse saveDraft(@PathParam("id") long id,
                                @RequestBody(description = "{\"answers\": {\"<question id>\": value}}") JsonObject body) {
        Map<String, Answer> answers = AnswersJson.read(reading.read(actor, id).getQuestionnaire(), body);
        var draft = responses.saveDraft(actor, id, answers, Instant.now());
        return new MyResponse(draft.getStatus().name(), null, draft.getSavedAt(), AnswersJson.write(draft.getAnswers()));
    }

    @PUT
    @Path("{id}/response")
    @Operation(summary = "Submit my answers (residents in scope, while open). Choice: array of option ids; text: "
            + "string; scale and number: number; ranking: array best first; matrix: object row -> column. "
            + "Every refused answer is listed in `errors`; 409 when already answered.")
    @SecurityRequirement(name = "keycloak")
    public MyResponse submit(@PathParam("id") long id,
                             @RequestBody(description = "{\"answers\": {\"<question id>\": value}}") JsonObject body) {
        Consultation consultation = reading.read(actor, id);
        Map<String, Answer> answers = AnswersJson.read(consultation.getQuestionnaire(), body);
        SubmittedResponse submitted = responses.submit(actor, id, answers, Instant.now());
        return consultation.isAnonymous()
                ? new MyResponse("SUBMITTED", null, null, Map.of())
                : new MyResponse("SUBMITTED", submitted.number(), submitted.submittedAt(),
                        AnswersJson.write(submitted.answers()));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException(null, "api.body.required");
        }
        return body;
    }
}
