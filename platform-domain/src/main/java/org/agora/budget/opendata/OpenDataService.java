package org.agora.budget.opendata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallDraft;
import org.agora.budget.call.BudgetPermissions;
import org.agora.budget.call.BudgetService;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.EnvelopeDraft;
import org.agora.budget.call.ImportedElection;
import org.agora.budget.call.PabulibEntry;
import org.agora.budget.call.PhasePlan;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.vote.Ballots;
import org.agora.budget.vote.Channel;
import org.agora.budget.vote.TallyService;
import org.agora.budget.vote.VotingService;
import org.agora.shared.Actor;
import org.agora.shared.InvalidInputException;
import org.agora.shared.Label;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.shared.Period;

/**
 * Elections as open data, in the Pabulib format researchers use: a historical election (or ballots counted
 * elsewhere) is imported as a closed call with one envelope, its projects and its anonymous paper ballots, in one
 * transaction (a refused file leaves nothing behind); an envelope is exported with its projects, votes, winners,
 * rule and anonymous ballots under random voter ids, so anyone can count it again.
 * <p>
 * An imported election keeps what its file said ({@link ImportedElection}, {@link ImportedProject}): its META
 * entries, its project ids, names in full and other columns, and it is exported back with them (the platform only
 * adds the columns {@code votes} and {@code selected} when the file lacked them and the election was counted). A file
 * whose rule the platform cannot count is imported with that rule's name and no tally rule, and is counted once the
 * office picks one ({@link #chooseRule}). An election run on the platform is exported with the platform's own META.
 */
@ApplicationScoped
@Transactional
public class OpenDataService {

    private EntityManager em;
    private BudgetService calls;
    private TallyService tallies;
    private VotingService voting;

    protected OpenDataService() {
        // for CDI
    }

    /** The entity manager and its collaborators: injected by CDI, or given by hand outside a container. */
    @Inject
    public OpenDataService(EntityManager em, BudgetService calls, TallyService tallies, VotingService voting) {
        this.em = em;
        this.calls = calls;
        this.tallies = tallies;
        this.voting = voting;
    }

    /**
     * Imports the election as a closed call (its results public); returns its single, city-wide envelope. The call
     * counts with the file's rule when the platform knows it, and has no rule otherwise.
     */
    public Envelope importElection(Actor actor, String name, int year, PabulibElection election, Instant now) {
        BudgetPermissions.requireCalls(actor);
        requireStorable(election);
        TallyRule rule = election.rule().orElse(null);
        Money budget = election.budget();
        PhasePlan past = new PhasePlan(new Period(now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(4))),
                new Period(now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3))),
                new Period(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2))),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        BudgetCall call = calls.createImportedCall(actor, new BudgetCallDraft(name, year,
                budget.amount(), List.of(new EnvelopeDraft("", budget.amount())), past, election.votingRule(), rule,
                null));
        Envelope envelope = call.getEnvelopes().get(0);
        ImportedElection imported = new ImportedElection(call, envelope, election.meta(), election.votes().size());
        em.persist(imported);

        Map<ProjectId, ProjectId> stored = new HashMap<>();
        for (PabulibProject project : election.projects()) {
            BudgetProject added = new BudgetProject(envelope, Label.of("title", title(project)), project.cost(), true);
            em.persist(added); // the sequence gives its id now
            em.persist(new ImportedProject(added, imported, project));
            stored.put(project.id(), added.toCandidate().id());
        }
        em.flush(); // the projects exist before the ballots' choices refer to them
        VotingRule votingRule = call.getVotingRule();
        List<Map<ProjectId, Long>> ballots = new ArrayList<>(election.votes().size());
        for (PabulibVote vote : election.votes()) {
            Map<ProjectId, Long> points = new LinkedHashMap<>();
            votingRule.points(vote.ballot()).forEach((id, p) -> points.put(stored.get(id), p));
            ballots.add(points);
        }
        Ballots.storeAll(em, envelope.getId(), ballots, Channel.PAPER);
        return envelope;
    }

    /** The title pages show: the file's name, shortened to what a title holds (the name is kept in full apart). */
    private static String title(PabulibProject project) {
        String title = new Label(project.name().orElse("")).text();
        if (title.isEmpty()) {
            return "Projet " + project.id().value();
        }
        return title.length() > Label.MAX_LENGTH ? title.substring(0, Label.MAX_LENGTH - 1).strip() + "\u2026" : title;
    }

    /** Keys, column names, ids and values the tables can hold; a file beyond them is refused as a whole. */
    private static void requireStorable(PabulibElection election) {
        election.meta().forEach(OpenDataService::requireStorable);
        for (PabulibProject project : election.projects()) {
            requireStorable("project_id", project.id().value());
            project.columns().forEach(OpenDataService::requireStorable);
        }
    }

    private static void requireStorable(String name, String value) {
        if (name.length() > PabulibEntry.MAX_NAME || value.length() > PabulibEntry.MAX_VALUE) {
            throw new InvalidInputException("file", "budget.import.tooLong", name, PabulibEntry.MAX_NAME,
                    PabulibEntry.MAX_VALUE);
        }
    }

    /** What the file of an imported election said; empty for an election run on the platform. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ImportedElection> findImported(long envelopeId) {
        return em.createQuery("select i from ImportedElection i where i.envelopeId = :e", ImportedElection.class)
                .setParameter("e", envelopeId).getResultStream().findFirst();
    }

    /**
     * The office picks the rule an imported election is counted with, when the platform cannot count the file's
     * rule; refused when the election already has a rule (the file's, or one picked before).
     */
    public ImportedElection chooseRule(Actor actor, long envelopeId, TallyRule rule, Instant now) {
        BudgetPermissions.requireCalls(actor);
        ImportedElection imported = findImported(envelopeId)
                .orElseThrow(() -> new NotFoundException("budget.import.notImported", envelopeId));
        BudgetCall call = em.find(BudgetCall.class, imported.getCallId(), LockModeType.PESSIMISTIC_WRITE);
        call.chooseImportedRule(rule);
        imported.ruleChosen(actor.username(), now);
        return imported;
    }

    /** The envelope's election as a Pabulib file's content, once its results are public. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PabulibElection exportElection(Actor actor, long envelopeId, Instant now) {
        Envelope envelope = Optional.ofNullable(em.find(Envelope.class, envelopeId))
                .orElseThrow(() -> new NotFoundException("budget.envelope.notFound", envelopeId));
        if (!BudgetPermissions.canSeeResults(actor, envelope, now)) {
            throw new NotAllowedException("budget.results.notYet");
        }
        Optional<ImportedElection> imported = findImported(envelopeId);
        if (imported.isPresent()) {
            return exportImported(actor, envelope, imported.get(), now);
        }
        Tally tally = tallies.tally(actor, envelopeId, now);
        BudgetCall call = envelope.getCall();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", call.getName());
        meta.put("country", "France");
        meta.put("unit", envelope.getDistrict().map(d -> d.value()).orElse("city"));
        meta.put("instance", String.valueOf(call.getYear()));
        meta.put("num_projects", String.valueOf(tally.scores().size()));
        meta.put("budget", String.valueOf(envelope.getAmount().amount()));
        meta.put("vote_type", voteType(call.getVotingRule()));
        meta.put("rule", call.getTallyRule().pabulibName());
        meta.put("currency", "EUR");
        ruleEntries(call.getVotingRule(), meta);

        List<PabulibProject> projects = voting.ballot(envelopeId).stream().map(p -> {
            Map<String, String> columns = new LinkedHashMap<>();
            ProjectId id = p.toCandidate().id();
            columns.put("votes", String.valueOf(tally.scoreOf(id)));
            columns.put("name", p.getTitle());
            columns.put("selected", tally.isWinner(id) ? "1" : "0");
            return new PabulibProject(p.toCandidate(), columns);
        }).toList();
        List<Ballot> ballots = Ballots.of(em, envelopeId, call.getVotingRule());
        meta.put("num_votes", String.valueOf(ballots.size()));
        return new PabulibElection(meta, projects, anonymous(ballots));
    }

    /**
     * An imported election as its file said it: its META, its projects under their ids with their columns, and its
     * ballots (under new random voter ids). Counted when its rule is known: then the platform adds {@code votes} and
     * {@code selected} to projects whose file had no such column.
     */
    private PabulibElection exportImported(Actor actor, Envelope envelope, ImportedElection imported, Instant now) {
        long envelopeId = envelope.getId();
        BudgetCall call = envelope.getCall();
        Optional<Tally> tally = call.findTallyRule().map(rule -> tallies.tally(actor, envelopeId, now));
        Map<Long, ImportedProject> rows = new HashMap<>();
        em.createQuery("select p from ImportedProject p where p.callId = :c", ImportedProject.class)
                .setParameter("c", imported.getCallId()).getResultList().forEach(r -> rows.put(r.getProjectId(), r));
        Map<ProjectId, ProjectId> fileIds = new HashMap<>();
        List<PabulibProject> projects = new ArrayList<>();
        for (BudgetProject project : voting.ballot(envelopeId)) {
            ProjectId stored = project.toCandidate().id();
            ImportedProject row = rows.get(project.getId());
            ProjectId fileId = row == null ? stored : row.getFileId();
            Map<String, String> columns = new LinkedHashMap<>(row == null
                    ? Map.of("name", project.getTitle()) : row.getColumns());
            tally.ifPresent(t -> {
                columns.putIfAbsent("votes", String.valueOf(t.scoreOf(stored)));
                columns.putIfAbsent("selected", t.isWinner(stored) ? "1" : "0");
            });
            fileIds.put(stored, fileId);
            projects.add(new PabulibProject(new Project(fileId, project.getCost()), columns));
        }
        List<Ballot> ballots = Ballots.of(em, envelopeId, call.getVotingRule()).stream()
                .map(ballot -> renamed(ballot, fileIds)).toList();
        return new PabulibElection(imported.getMeta(), projects, anonymous(ballots));
    }

    private static List<PabulibVote> anonymous(List<Ballot> ballots) {
        return ballots.stream()
                .map(b -> new PabulibVote(UUID.randomUUID().toString().substring(0, 8), b, Map.of())).toList();
    }

    /** The ballot with each project under its id in the file. */
    private static Ballot renamed(Ballot ballot, Map<ProjectId, ProjectId> ids) {
        if (ballot instanceof Ballot.Cumulative cumulative) {
            Map<ProjectId, Integer> points = new LinkedHashMap<>();
            cumulative.points().forEach((id, p) -> points.put(ids.get(id), p));
            return new Ballot.Cumulative(points);
        }
        if (ballot instanceof Ballot.Ordinal ordinal) {
            return new Ballot.Ordinal(ordinal.ranking().stream().map(ids::get).toList());
        }
        Set<ProjectId> choices = new LinkedHashSet<>();
        ballot.projects().forEach(id -> choices.add(ids.get(id)));
        return new Ballot.Approval(choices);
    }

    /** Pabulib's name of the ballot kind; a knapsack ballot is an approval one (its bound is the budget). */
    private static String voteType(VotingRule rule) {
        return switch (rule.kind()) {
            case APPROVAL, KNAPSACK -> "approval";
            case CUMULATIVE -> "cumulative";
            case ORDINAL -> "ordinal";
        };
    }

    /** The entries that bound the ballot, as {@link PabulibElection#votingRule()} reads them back. */
    private static void ruleEntries(VotingRule rule, Map<String, String> meta) {
        VotingRule.Settings settings = rule.settings();
        switch (rule.kind()) {
            case APPROVAL -> {
                meta.put("min_length", String.valueOf(settings.min()));
                meta.put("max_length", String.valueOf(settings.max()));
            }
            case CUMULATIVE -> {
                meta.put("max_sum_points", String.valueOf(settings.totalPoints()));
                meta.put("max_points", String.valueOf(settings.maxPerProject()));
            }
            case ORDINAL -> meta.put("max_length", String.valueOf(settings.ranks()));
            case KNAPSACK -> { }
        }
    }
}
