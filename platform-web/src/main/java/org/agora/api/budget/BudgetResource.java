package org.agora.api.budget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.api.Staff;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.ImportedElection;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.opendata.OpenDataService;
import org.agora.budget.opendata.PabulibFile;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.project.ProjectService;
import org.agora.budget.vote.TallyService;
import org.agora.budget.vote.Turnout;
import org.agora.budget.vote.TurnoutService;
import org.agora.budget.vote.VotingService;
import org.agora.moderation.ModerationService;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Period;
import org.agora.shared.Role;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The participatory budget through the API: calls and their rules (public), the office creating a call or
 * importing a Pabulib election, envelope managers putting projects on the ballot, residents voting with their
 * bearer token (once per envelope), results once public and the election as a Pabulib file.
 * One instance serves every request (the vote's hot path creates no resource per ballot): the caller and their
 * request come from request-scoped beans.
 */
@Path("budget")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {

    /** A ballot rule: kind APPROVAL (min, max), KNAPSACK, CUMULATIVE (totalPoints, maxPerProject), ORDINAL (ranks). */
    public record RuleJson(String kind, Integer min, Integer max, Integer totalPoints, Integer maxPerProject,
                           Integer ranks) {
        VotingRule toRule() {
            if (kind == null) {
                throw new InvalidInputException("votingRule", "validation.required");
            }
            VotingRule.Kind known = VotingRule.Kind.fromCode(kind)
                    .orElseThrow(() -> new InvalidInputException("votingRule", "budget.rule.unknown", kind));
            return VotingRule.of(known, new VotingRule.Settings(min, max, totalPoints, maxPerProject, ranks));
        }

        static RuleJson of(VotingRule rule) {
            VotingRule.Settings s = rule.settings();
            return new RuleJson(rule.kind().code(), s.min(), s.max(), s.totalPoints(), s.maxPerProject(), s.ranks());
        }
    }

    public record PhasesJson(Instant submissionStart, Instant submissionEnd, Instant reviewStart, Instant reviewEnd,
                             Instant voteStart, Instant voteEnd, Instant resultsFrom, Instant implementationFrom) {
        PhasePlan toPlan() {
            return new PhasePlan(new Period(submissionStart, submissionEnd), new Period(reviewStart, reviewEnd),
                    new Period(voteStart, voteEnd), resultsFrom, implementationFrom);
        }

        static PhasesJson of(PhasePlan p) {
            return new PhasesJson(p.submission().start(), p.submission().end(), p.review().start(), p.review().end(),
                    p.vote().start(), p.vote().end(), p.resultsFrom(), p.implementationFrom());
        }
    }

    public record EnvelopeJson(Long id, String district, long amount) {
        static EnvelopeJson of(Envelope e) {
            return new EnvelopeJson(e.getId(), e.getDistrict().map(DistrictCode::value).orElse(null), e.getAmount().amount());
        }
    }

    public record CallJson(Long id, String name, int year, long total, List<EnvelopeJson> envelopes, PhasesJson phases,
                           RuleJson votingRule, TallyRule tallyRule, String tallyRuleExplained, Integer minimumAge) {
    }

    public record ProjectJson(long id, String title, long cost) {
        static ProjectJson of(BudgetProject p) {
            return new ProjectJson(p.getId(), p.getTitle(), p.getCost().amount());
        }
    }

    /** A ballot: {@code projects} for approval and knapsack, {@code points} for cumulative, {@code ranking} (best first) for ordinal. */
    public record BallotJson(List<Long> projects, Map<String, Integer> points, List<Long> ranking) {
    }

    /**
     * An envelope's count: the rule that counted, in words, the winners, each project's votes or points. For an
     * imported election, {@code fileRule} is the rule its file named (null otherwise, or when the file named none),
     * {@code ruleChosenByOffice} says the office picked the rule because the platform could not count the file's,
     * {@code fileCounts} gives the file's own counts and {@code turnout} is null: an imported election is never
     * measured against this city's residents.
     */
    public record TallyJson(TallyRule rule, String explained, List<Long> winners, Map<String, Long> scores, long spent,
                            long leftover, TurnoutJson turnout, String fileRule, boolean ruleChosenByOffice,
                            FileCountsJson fileCounts) {
    }

    /** An imported election's counts as its file gives them: its voters (VOTES rows) and its {@code num_votes} entry. */
    public record FileCountsJson(long voters, Long numVotes) {
        static FileCountsJson of(ImportedElection imported) {
            return new FileCountsJson(imported.getFileVoters(), imported.getNumVotes().orElse(null));
        }
    }

    /** The rule the office picks for an imported election whose file's rule the platform cannot count. */
    public record RuleChoiceJson(TallyRule rule) {
    }

    /**
     * Every ballot against the population, and the voters with an account against the residents registered on the
     * platform (null, with {@code ofRegistered}, when Keycloak cannot tell now); percentages to two decimals, null when
     * undefined or when they would pass 100 %.
     */
    public record TurnoutJson(long ballots, long population, BigDecimal ofPopulation, long accountVoters,
                              Long registeredResidents, BigDecimal ofRegistered) {
        static TurnoutJson of(Turnout turnout) {
            return new TurnoutJson(turnout.ballots(), turnout.population(), turnout.ofPopulation().orElse(null),
                    turnout.accountVoters(), turnout.registered().orElse(null), turnout.ofRegistered().orElse(null));
        }
    }

    public record ImportJson(String name, int year, String pabulib) {
    }

    @Inject
    BudgetService budget;

    @Inject
    VotingService voting;

    @Inject
    TallyService tallies;

    @Inject
    TurnoutService turnouts;

    @Inject
    OpenDataService openData;

    @Inject
    ProjectService projects;

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServletRequest httpRequest;

    @GET
    @Path("calls")
    @Operation(summary = "Every call with its envelopes, phases and rules, in plain words (public)")
    public List<CallJson> calls() {
        return budget.calls().stream().map(this::json).toList();
    }

    @Staff(value = {Role.OFFICE_ADMIN}, refusal = "budget.call.notAllowed")
    @POST
    @Path("calls")
    @Operation(summary = "Create a call (office-admin): envelopes must add up to the total")
    @SecurityRequirement(name = "keycloak")
    public Response create(CallJson request) {
        BudgetCallDraft draft = draft(required(request, null));
        return Response.status(Response.Status.CREATED).entity(json(budget.createCall(currentUser.actor(), draft))).build();
    }

    private static BudgetCallDraft draft(CallJson body) {
        return new BudgetCallDraft(body.name(), body.year(), body.total(),
                body.envelopes() == null ? List.of() : body.envelopes().stream()
                        .map(e -> new EnvelopeDraft(e.district(), e.amount())).toList(),
                required(body.phases(), "phases").toPlan(), required(body.votingRule(), "votingRule").toRule(),
                body.tallyRule(), body.minimumAge());
    }

    @Staff(value = {Role.OFFICE_ADMIN}, refusal = "budget.call.notAllowed")
    @PUT
    @Path("calls/{id}")
    @Operation(summary = "Change a call (office-admin) until its vote opens; then its rules are locked (409)")
    @SecurityRequirement(name = "keycloak")
    public CallJson update(@PathParam("id") long id, CallJson request) {
        return json(budget.updateCall(currentUser.actor(), id, draft(required(request, null)), Instant.now()));
    }

    @Staff(value = {Role.OFFICE_ADMIN}, refusal = "budget.call.notAllowed")
    @POST
    @Path("calls/import")
    @Operation(summary = "Import a Pabulib (.pb) election as a closed call with its projects and anonymous ballots "
            + "(office-admin); a malformed file is refused with its line number and nothing is stored")
    @SecurityRequirement(name = "keycloak")
    public Response importElection(ImportJson request) {
        ImportJson body = required(request, null);
        Envelope envelope = openData.importElection(currentUser.actor(), body.name(), body.year(),
                PabulibFile.read(new StringReader(required(body.pabulib(), "pabulib"))), Instant.now());
        return Response.status(Response.Status.CREATED).entity(EnvelopeJson.of(envelope)).build();
    }

    @GET
    @Path("envelopes/{id}/projects")
    @Operation(summary = "The projects on an envelope's ballot (public)")
    public List<ProjectJson> ballot(@PathParam("id") long id) {
        return voting.ballot(id).stream().map(ProjectJson::of).toList();
    }

    @POST
    @Path("envelopes/{id}/projects")
    @Operation(summary = "Put a project on the ballot (office, or agents of the envelope's district), before the vote")
    @SecurityRequirement(name = "keycloak")
    public Response addProject(@PathParam("id") long id, ProjectJson request) {
        ProjectJson body = required(request, null);
        BudgetProject project = voting.addToBallot(currentUser.actor(), id, body.title(), body.cost(), Instant.now());
        return Response.status(Response.Status.CREATED).entity(ProjectJson.of(project)).build();
    }

    /** Whether a call's new proposals and comments wait for a moderator's approval. */
    public record PreModerationJson(Boolean preModerated) {
    }

    /** How many contributions to a call moderators refused for one public reason. */
    public record RejectionJson(String reason, long count) {
    }

    @PUT
    @Path("calls/{id}/pre-moderation")
    @Operation(summary = "Turn a call's pre-moderation on or off (the office): new proposals and comments on its projects "
            + "then wait for a moderator's approval before anyone else sees them")
    @APIResponse(responseCode = "403", description = "Not the office")
    @SecurityRequirement(name = "keycloak")
    public PreModerationJson preModerate(@PathParam("id") long id, PreModerationJson request) {
        return new PreModerationJson(budget.preModerate(currentUser.actor(), id, required(request, null).preModerated())
                .isPreModerated());
    }

    @GET
    @Path("calls/{id}/rejections")
    @Operation(summary = "How many contributions to the call moderators refused, by public reason (public)")
    public List<RejectionJson> rejections(@PathParam("id") long id) {
        return moderation.rejections(budget.getCall(id).getModerationSpace()).entrySet().stream()
                .map(e -> new RejectionJson(e.getKey(), e.getValue())).toList();
    }

    @PUT
    @Path("projects/{id}/support")
    @Operation(summary = "Support a project (residents of its envelope, during the submission phase; not when blocked)")
    @APIResponse(responseCode = "204", description = "Supported (once: supporting again changes nothing)")
    @APIResponse(responseCode = "403", description = "Not a resident of its district, blocked, or not in submission")
    @SecurityRequirement(name = "keycloak")
    public Response support(@PathParam("id") long id) {
        projects.support(currentUser.actor(), id, Instant.now());
        return Response.noContent().build();
    }

    @PUT
    @Path("envelopes/{id}/ballot")
    @Operation(summary = "Cast my ballot in an envelope (residents of its district, during the vote). A ballot is "
            + "final: a second one is refused with 409, even when sent simultaneously")
    @SecurityRequirement(name = "keycloak")
    public Response vote(@PathParam("id") long id, BallotJson request) {
        voting.cast(currentUser.actor(), id, ballot(required(request, null)), Instant.now());
        return Response.noContent().build();
    }

    @PUT
    @Path("envelopes/{id}/desk/{resident}")
    @Operation(summary = "Record at a town-hall desk the ballot of a person on the register (staff of the envelope, or "
            + "agents for the city-wide one): the same has-voted mark as online, 409 if they have voted in this vote")
    @SecurityRequirement(name = "keycloak")
    public Response desk(@PathParam("id") long id, @PathParam("resident") long resident, BallotJson request) {
        voting.castAtDesk(currentUser.actor(), resident, id, ballot(required(request, null)), Instant.now());
        return Response.noContent().build();
    }

    @PUT
    @Path("envelopes/{id}/paper-voters/{resident}")
    @Operation(summary = "Mark a person on the register as having handed in a paper ballot (the same has-voted mark)")
    @SecurityRequirement(name = "keycloak")
    public Response paperVoter(@PathParam("id") long id, @PathParam("resident") long resident) {
        voting.markPaperVoter(currentUser.actor(), resident, id, Instant.now());
        return Response.noContent().build();
    }

    /** A batch of paper ballots; the batch's id is in the address, so sending it again stores it once. */
    public record PaperBatchJson(List<BallotJson> ballots) {
    }

    public record PaperBatchResultJson(int ballots, boolean alreadyEntered) {
    }

    @Staff(value = {Role.OFFICE_ADMIN, Role.DISTRICT_AGENT}, refusal = "budget.envelope.notAllowed")
    @PUT
    @Path("envelopes/{id}/paper-batches/{batch}")
    @Operation(summary = "Enter a batch of paper ballots (the envelope's managers) under an id the client makes (a "
            + "UUID): all or none, no more than the paper voters marked and not yet counted, refused once the count "
            + "is closed; the same batch sent again is stored once (alreadyEntered)")
    @SecurityRequirement(name = "keycloak")
    public PaperBatchResultJson paperBatch(@PathParam("id") long id, @PathParam("batch") String batch,
                                           PaperBatchJson request) {
        List<BallotJson> ballots = required(required(request, null).ballots(), "ballots");
        VotingService.PaperBatchResult result = voting.addPaperBatch(currentUser.actor(), id, batch,
                ballots.stream().map(BudgetResource::ballot).toList(), Instant.now());
        return new PaperBatchResultJson(result.ballots(), result.alreadyEntered());
    }

    @POST
    @Path("envelopes/{id}/count")
    @Operation(summary = "Close the envelope's count once its vote is over (its managers): no paper batch after this; "
            + "the managers see the results from then on")
    @SecurityRequirement(name = "keycloak")
    public Response closeCount(@PathParam("id") long id) {
        voting.closeCount(currentUser.actor(), id, Instant.now());
        return Response.noContent().build();
    }

    @GET
    @Path("envelopes/{id}/results")
    @Operation(summary = "The tally of an envelope and its turnout: public from the results phase, for its managers once "
            + "the vote ends. An imported election gives its file's rule and counts instead of a turnout; one whose "
            + "file's rule the platform cannot count answers 409 until the office picks a rule")
    public TallyJson results(@PathParam("id") long id) {
        Instant now = Instant.now();
        Actor actor = currentUser.actor();
        Tally tally = tallies.tally(actor, id, now);
        Map<String, Long> scores = new HashMap<>();
        tally.scores().forEach((project, score) -> scores.put(project.value(), score));
        Optional<ImportedElection> imported = openData.findImported(id);
        return new TallyJson(tally.rule(), Texts.format(Texts.preferred(httpRequest),
                tally.explanationKey()), tally.winners().stream().map(p -> Long.valueOf(p.value())).toList(), scores,
                tally.spent().amount(), tally.leftover().amount(),
                imported.isPresent() ? null : TurnoutJson.of(turnouts.turnout(actor, id, now)),
                imported.flatMap(ImportedElection::getFileRule).orElse(null),
                imported.flatMap(ImportedElection::getRuleChosenBy).isPresent(),
                imported.map(FileCountsJson::of).orElse(null));
    }

    @Staff(value = {Role.OFFICE_ADMIN}, refusal = "budget.call.notAllowed")
    @PUT
    @Path("envelopes/{id}/rule")
    @Operation(summary = "Pick the rule an imported election is counted with (office-admin), when the platform cannot "
            + "count its file's rule; refused with 409 once it has one. Answers its results")
    @SecurityRequirement(name = "keycloak")
    public TallyJson chooseRule(@PathParam("id") long id, RuleChoiceJson request) {
        openData.chooseRule(currentUser.actor(), id, required(required(request, null).rule(), "rule"), Instant.now());
        return results(id);
    }

    @GET
    @Path("envelopes/{id}/pabulib")
    @Produces("text/plain; charset=UTF-8")
    @Operation(summary = "The envelope's election as a Pabulib .pb file (anonymous ballots, random voter ids), once public")
    public Response pabulib(@PathParam("id") long id) {
        StringWriter file = new StringWriter();
        PabulibFile.write(openData.exportElection(currentUser.actor(), id, Instant.now()), file);
        return Response.ok(file.toString())
                .header("Content-Disposition", "attachment; filename=\"envelope-" + id + ".pb\"").build();
    }

    private static Ballot ballot(BallotJson body) {
        if (body.points() != null) {
            Map<ProjectId, Integer> points = new HashMap<>();
            body.points().forEach((project, p) -> points.put(new ProjectId(project), p));
            return new Ballot.Cumulative(points);
        }
        if (body.ranking() != null) {
            return new Ballot.Ordinal(body.ranking().stream().map(p -> new ProjectId(String.valueOf(p))).toList());
        }
        Set<ProjectId> chosen = new LinkedHashSet<>();
        (body.projects() == null ? List.<Long>of() : body.projects()).forEach(p -> chosen.add(new ProjectId(String.valueOf(p))));
        return new Ballot.Approval(chosen);
    }

    private CallJson json(BudgetCall call) {
        return new CallJson(call.getId(), call.getName(), call.getYear(), call.getTotal().amount(),
                call.getEnvelopes().stream().map(EnvelopeJson::of).toList(), PhasesJson.of(call.getPhases()),
                RuleJson.of(call.getVotingRule()), call.findTallyRule().orElse(null),
                Texts.format(Texts.preferred(httpRequest),
                        "budget.rule." + call.findTallyRule().map(TallyRule::key).orElse("notKnown") + ".explained"),
                call.getMinimumAge().orElse(null));
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, field == null ? "api.body.required" : "validation.required");
        }
        return value;
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return value;
    }
}
