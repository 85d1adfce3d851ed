package org.agora.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.shared.NotAllowedException;
import org.agora.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

/** Real elections imported into the database and exported again; run on H2 and on PostgreSQL. */
abstract class OpenDataPersistenceContract extends DatabaseTest {

    static final Instant NOW = Instant.parse("2027-06-01T10:00:00Z");

    private long count(String sql) {
        return db().inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private Envelope importSwiecie() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        return db().inTransaction(em -> new OpenDataService(em)
                .importElection(BudgetCallPersistenceContract.OFFICE, "Świecie 2023", 2023, swiecie, NOW));
    }

    @Test
    void swiecieImportedAndCountedFromTheDatabaseGivesItsOfficialWinners() {
        PabulibElection swiecie = PabulibFiles.election(PabulibFiles.SWIECIE);
        long envelope = importSwiecie().getId();

        Tally tally = db().inTransaction(em -> new TallyService(em).tally(VotingPersistenceContract.RESIDENT_OF_NORD, envelope, NOW));

        assertThat(tally.rule()).isEqualTo(TallyRule.EQUAL_SHARES);
        // projects are stored in the file's order, so the n-th project on the ballot is the file's n-th project
        java.util.List<ProjectId> stored = db().inTransaction(em -> new VotingService(em).ballot(envelope).stream()
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

        PabulibElection exported = db().inTransaction(em -> new OpenDataService(em)
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
        assertThatThrownBy(() -> db().inTransaction(em -> new OpenDataService(em).importElection(
                BudgetCallPersistenceContract.AGENT_OF_NORD, "Świecie 2023", 2023, swiecie, NOW)))
                .isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> PabulibFile.read(new StringReader("META\nkey;value\nbudget;abc\nPROJECTS\n")))
                .isInstanceOf(org.agora.shared.InvalidInputException.class);
        assertThat(count("select count(*) from budget_calls")).isZero();
    }
}
