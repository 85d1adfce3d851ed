package org.agora.budget.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.budget.Refusals;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.call.Envelope;
import org.agora.budget.call.ImportedElection;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.project.BudgetProject;
import org.agora.budget.vote.TallyService;
import org.agora.budget.vote.VotingPersistenceContract;
import org.agora.budget.vote.VotingService;
import org.agora.shared.ConflictException;
import org.agora.shared.NotAllowedException;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real elections imported into the database and exported again; run on H2 and on PostgreSQL. */
public abstract class OpenDataPersistenceContract extends DatabaseTest {

    public static final Instant NOW = Instant.parse("2027-06-01T10:00:00Z");

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private Envelope importSwiecie() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        return db().inTransaction(em -> Services.on(em).openData()
                .importElection(BudgetCallPersistenceContract.OFFICE, "Świecie 2023", 2023, swiecie, NOW));
    }


    /**
     * Import then export gives back the file: the same META entries in the same order, every project with its id,
     * cost and every column of the file (names in full, however long), and the same ballots (the voter ids are new,
     * random ones, so the ballots are compared as a multiset). The platform may add columns the file lacks.
     */
    @ParameterizedTest
    @ValueSource(strings = {PabulibFiles.SWIECIE, PabulibFiles.TOULOUSE, PabulibFiles.BUDAPEST, PabulibFiles.DIEPPE,
            PabulibFiles.WIELICZKA})
    void anImportedFileIsExportedBackWithItsProjectsVotesAndMeta(String file) {
        PabulibElection original = PabulibFiles.election(file);
        long envelope = db().inTransaction(em -> Services.on(em).openData()
                .importElection(BudgetCallPersistenceContract.OFFICE, file.substring(0, 20), 2023, original, NOW)).getId();

        PabulibElection exported = db().inTransaction(em -> Services.on(em).openData()
                .exportElection(org.agora.shared.Actor.anonymous(), envelope, NOW.plusSeconds(3600)));
        StringWriter written = new StringWriter();
        PabulibFile.write(exported, written);
        PabulibElection again = PabulibFile.read(new StringReader(written.toString()));

        assertThat(List.copyOf(again.meta().entrySet())).as("META").isEqualTo(List.copyOf(original.meta().entrySet()));
        assertThat(again.projects()).extracting(PabulibProject::id)
                .containsExactlyInAnyOrderElementsOf(original.projects().stream().map(PabulibProject::id).toList());
        Map<ProjectId, PabulibProject> back = again.projects().stream()
                .collect(Collectors.toMap(PabulibProject::id, Function.identity()));
        for (PabulibProject project : original.projects()) {
            PabulibProject exportedProject = back.get(project.id());
            assertThat(exportedProject.cost()).as(project.id().value()).isEqualTo(project.cost());
            assertThat(exportedProject.columns()).as(project.id().value()).containsAllEntriesOf(project.columns());
        }
        assertThat(multiset(again)).as("ballots").isEqualTo(multiset(original));
    }

    private static Map<Ballot, Long> multiset(PabulibElection election) {
        return election.ballots().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }


    private Envelope importFile(String file) {
        return db().inTransaction(em -> Services.on(em).openData().importElection(BudgetCallPersistenceContract.OFFICE,
                file.substring(0, 20), 2023, PabulibFiles.election(file), NOW));
    }

    private Tally tally(long envelope) {
        return db().inTransaction(em -> Services.on(em).tally().tally(org.agora.shared.Actor.anonymous(), envelope, NOW));
    }

    /** The stored projects' ids (the platform's) mapped to the file's, in the ballot's order. */
    private Map<ProjectId, ProjectId> fileIds(long envelope, PabulibElection election) {
        List<ProjectId> stored = db().inTransaction(em -> Services.on(em).voting().ballot(envelope).stream()
                .map(p -> p.toCandidate().id()).toList());
        Map<ProjectId, ProjectId> fileIdOf = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            fileIdOf.put(stored.get(i), election.projects().get(i).id());
        }
        return fileIdOf;
    }

    /**
     * Dieppe 2018's file says its rule is "unknown": it is imported with that name and no tally rule (not counted with
     * greedy behind anyone's back). Nobody sees a count, the results say why, until the office picks a rule; then the
     * election counts with it, and the rule is not changed again.
     */
    @Test
    void aFileWhoseRuleThePlatformCannotCountIsCountedOnlyOnceTheOfficePicksARule() {
        long envelope = importFile(PabulibFiles.DIEPPE).getId();

        ImportedElection imported = db().inTransaction(em -> Services.on(em).openData().findImported(envelope)).orElseThrow();
        assertThat(imported.getFileRule()).contains("unknown");
        assertThat(imported.getRuleChosenBy()).isEmpty();
        java.util.Optional<TallyRule> rule = db().inTransaction(em -> em.find(BudgetCall.class, imported.getCallId())
                .findTallyRule());
        assertThat(rule).isEmpty();
        assertThatThrownBy(() -> tally(envelope)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("budget.results.ruleUnknown");
            assertThat(e.arguments()).containsExactly("unknown");
        });
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).openData().chooseRule(
                BudgetCallPersistenceContract.AGENT_OF_NORD, envelope, TallyRule.GREEDY, NOW)))
                .isInstanceOf(NotAllowedException.class);

        db().inTransaction(em -> Services.on(em).openData().chooseRule(BudgetCallPersistenceContract.OFFICE, envelope,
                TallyRule.GREEDY, NOW));

        Tally tally = tally(envelope);
        assertThat(tally.rule()).isEqualTo(TallyRule.GREEDY);
        Map<ProjectId, ProjectId> fileIdOf = fileIds(envelope, PabulibFiles.election(PabulibFiles.DIEPPE));
        assertThat(tally.winners().stream().map(fileIdOf::get).toList())
                .containsExactly(ProjectId.of("780"), ProjectId.of("792"), ProjectId.of("786"), ProjectId.of("791"),
                        ProjectId.of("787"));
        ImportedElection chosen = db().inTransaction(em -> Services.on(em).openData().findImported(envelope)).orElseThrow();
        assertThat(chosen.getRuleChosenBy()).contains("officeadmin");
        assertThat(chosen.getRuleChosenAt()).contains(NOW);
        assertThat(chosen.getFileRule()).contains("unknown");
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).openData().chooseRule(
                BudgetCallPersistenceContract.OFFICE, envelope, TallyRule.EQUAL_SHARES, NOW)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.import.ruleAlreadyKnown"));
        assertThat(tally(envelope).rule()).isEqualTo(TallyRule.GREEDY);
    }

    @Test
    void aFileWhoseRuleThePlatformCountsKeepsItAndTheOfficeCannotChangeIt() {
        long envelope = importFile(PabulibFiles.TOULOUSE).getId();

        assertThat(tally(envelope).rule()).isEqualTo(TallyRule.GREEDY);
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).openData().chooseRule(
                BudgetCallPersistenceContract.OFFICE, envelope, TallyRule.GREEDY_NO_SKIP, NOW)))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("budget.import.ruleAlreadyKnown"));
        assertThat(db().inTransaction(em -> Services.on(em).openData().findImported(envelope)).orElseThrow()
                .getFileRule()).contains("greedy");
    }

    @Test
    void equalSharesCannotBePickedForAnElectionOfPoints() {
        PabulibElection toulouse = PabulibFiles.election(PabulibFiles.TOULOUSE);
        Map<String, String> meta = new java.util.LinkedHashMap<>(toulouse.meta());
        meta.put("rule", "greedy-threshold");
        PabulibElection unknownRule = new PabulibElection(meta, toulouse.projects(), toulouse.votes());
        long envelope = db().inTransaction(em -> Services.on(em).openData().importElection(
                BudgetCallPersistenceContract.OFFICE, "Toulouse", 2019, unknownRule, NOW)).getId();

        Refusals.refused(() -> db().inTransaction(em -> Services.on(em).openData().chooseRule(
                BudgetCallPersistenceContract.OFFICE, envelope, TallyRule.EQUAL_SHARES, NOW)),
                "budget.call.equalSharesNeedsApprovals");
        assertThat(db().inTransaction(em -> Services.on(em).openData().findImported(envelope)).orElseThrow()
                .getFileRule()).contains("greedy-threshold");
    }

    /** Turnout of an imported election: the file's own counts, never a share of this city's residents. */
    @Test
    void anImportedElectionKeepsTheCountsOfItsFile() {
        long envelope = importFile(PabulibFiles.TOULOUSE).getId();

        ImportedElection imported = db().inTransaction(em -> Services.on(em).openData().findImported(envelope)).orElseThrow();

        assertThat(imported.getFileVoters()).isEqualTo(1494);
        assertThat(imported.getNumVotes()).contains(1494L);
        long swiecie = importSwiecie().getId();
        java.util.Optional<ImportedElection> swiecieImported = db().inTransaction(em -> Services.on(em).openData()
                .findImported(swiecie));
        assertThat(swiecieImported).hasValueSatisfying(i -> assertThat(i.getFileVoters()).isEqualTo(2553));
    }

    /** Names longer than a title are kept in full for the export; pages show a title cut to 120 characters. */
    @Test
    void aLongProjectNameIsKeptInFullWhileItsTitleIsShortened() {
        PabulibElection wieliczka = PabulibFiles.election(PabulibFiles.WIELICZKA);
        PabulibProject longest = wieliczka.projects().stream()
                .max(java.util.Comparator.comparingInt(p -> p.name().orElse("").length())).orElseThrow();
        assertThat(longest.name().orElseThrow()).hasSizeGreaterThan(200);
        long envelope = importFile(PabulibFiles.WIELICZKA).getId();

        Map<ProjectId, ProjectId> fileIdOf = fileIds(envelope, wieliczka);
        BudgetProject stored = db().inTransaction(em -> Services.on(em).voting().ballot(envelope).stream()
                .filter(p -> fileIdOf.get(p.toCandidate().id()).equals(longest.id())).findFirst().orElseThrow());
        assertThat(stored.getTitle()).hasSizeLessThanOrEqualTo(120).endsWith("\u2026");
        assertThat(longest.name().orElseThrow()).startsWith(stored.getTitle().substring(0, 100));
        ImportedProject kept = db().inTransaction(em -> em.find(ImportedProject.class, stored.getId()));
        assertThat(kept.getColumns().get("name")).isEqualTo(longest.name().orElseThrow());
        assertThat(kept.getFileId()).isEqualTo(longest.id());
    }

    @Test
    void swiecieImportedAndCountedFromTheDatabaseGivesItsOfficialWinners() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        long envelope = importSwiecie().getId();

        Tally tally = db().inTransaction(em -> Services.on(em).tally().tally(VotingPersistenceContract.RESIDENT_OF_NORD, envelope, NOW));

        assertThat(tally.rule()).isEqualTo(TallyRule.EQUAL_SHARES);
        // projects are stored in the file's order, so the n-th project on the ballot is the file's n-th project
        java.util.List<ProjectId> stored = db().inTransaction(em -> Services.on(em).voting().ballot(envelope).stream()
                .map(p -> p.toCandidate().id()).toList());
        Map<ProjectId, ProjectId> fileIdOf = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            fileIdOf.put(stored.get(i), swiecie.projects().get(i).id());
        }
        Set<ProjectId> winners = tally.winners().stream().map(fileIdOf::get).collect(Collectors.toSet());
        assertThat(winners).isEqualTo(swiecie.officialWinners().orElseThrow());
        assertThat(count("select count(*) from ballots where channel = 'PAPER'")).isEqualTo(swiecie.votes().size());
        assertThat(count("select count(*) from vote_marks")).isZero();
    }

    @Test
    void anExportedEnvelopeIsAValidFileThatCountsToTheSameWinners() {
        long envelope = importSwiecie().getId();

        PabulibElection exported = db().inTransaction(em -> Services.on(em).openData()
                .exportElection(BudgetCallPersistenceContract.OFFICE, envelope, NOW));
        StringWriter file = new StringWriter();
        PabulibFile.write(exported, file);
        PabulibElection reread = PabulibFile.read(new StringReader(file.toString()));

        assertThat(reread.votes()).hasSize(PabulibFiles.election(PabulibFiles.SWIECIE).votes().size());
        assertThat(reread.rule()).contains(TallyRule.EQUAL_SHARES);
        assertThat(Set.copyOf(reread.tally(TallyRule.EQUAL_SHARES).winners())).isEqualTo(reread.officialWinners().orElseThrow());
        assertThat(reread.votes()).extracting(PabulibVote::voterId).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheOfficeImportsAndAMalformedFileLeavesNothing() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        assertThatThrownBy(() -> db().inTransaction(em -> Services.on(em).openData().importElection(
                BudgetCallPersistenceContract.AGENT_OF_NORD, "Świecie 2023", 2023, swiecie, NOW)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> PabulibFile.read(new StringReader("META\nkey;value\nbudget;abc\nPROJECTS\n")))
                .isInstanceOf(org.agora.shared.InvalidInputException.class);
        assertThat(count("select count(*) from budget_calls")).isZero();
    }
}
