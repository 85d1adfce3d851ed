package org.agora.budget.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.agora.budget.call.BudgetCall;
import org.agora.budget.call.BudgetCallPersistenceContract;
import org.agora.budget.call.PhasePlanTest;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;
import org.agora.shared.DistrictCode;
import org.agora.testing.DatabaseTest;
import org.agora.testing.Services;
import org.agora.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * What sealing costs: one ballot sealed, and the count of 100,000 sealed ballots on PostgreSQL, against the raw SQL
 * aggregate of the same ballots once plain. A measurement, not a test (no timed assertion; its name is outside the
 * test pattern): {@code mvn -o -pl platform-domain test -Dtest=SealingCostBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SealingCostBench extends DatabaseTest {

    private static final int BALLOTS = Integer.getInteger("agora.bench.ballots", 100_000);

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    private static Map<ProjectId, Long> randomBallot(List<ProjectId> projects, Random random) {
        Map<ProjectId, Long> points = new LinkedHashMap<>();
        int size = 1 + random.nextInt(3);
        while (points.size() < size) {
            points.put(projects.get(random.nextInt(projects.size())), 1L);
        }
        return points;
    }

    @Test
    void sealOneBallotThenCountAHundredThousand() throws Exception {
        BudgetCall call = db().inTransaction(em -> Services.on(em).budget().createCall(BudgetCallPersistenceContract.OFFICE,
                BudgetCallPersistenceContract.draft(BudgetCallPersistenceContract.envelopes(), new VotingRule.Approval(1, 3),
                        TallyRule.GREEDY)));
        long nord = db().inTransaction(em -> Services.on(em).budget().getCall(call.getId())
                .findEnvelope(Optional.of(new DistrictCode("nord"))).orElseThrow().getId());
        for (int i = 0; i < 8; i++) {
            String title = "Projet " + (i + 1);
            db().inTransaction(em -> Services.on(em).voting().addToBallot(BudgetCallPersistenceContract.OFFICE, nord, title,
                    10_000, PhasePlanTest.day(60)));
        }
        List<ProjectId> projects = db().inTransaction(em -> Services.on(em).voting().ballot(nord)).stream()
                .map(p -> p.toCandidate().id()).toList();
        SealingSecret secret = SealingSecret.fromSystem().orElseThrow();
        ElectionKey key = ElectionKey.create(nord, projects.size(), secret, new SecureRandom());
        Random random = new Random(1);

        // sealing one ballot (what a vote adds), after a warm-up
        for (int i = 0; i < 5_000; i++) {
            key.seal(randomBallot(projects, random), Channel.ONLINE);
        }
        int seals = 20_000;
        long start = System.nanoTime();
        List<SealedBallot> sample = new ArrayList<>();
        for (int i = 0; i < seals; i++) {
            sample.add(key.seal(randomBallot(projects, random), Channel.ONLINE));
        }
        double sealMicros = (System.nanoTime() - start) / 1_000.0 / seals;
        ElectionKey.Opening opening = key.opening(secret);
        start = System.nanoTime();
        for (SealedBallot sealed : sample) {
            opening.open(sealed, Channel.ONLINE);
        }
        double openMicros = (System.nanoTime() - start) / 1_000.0 / seals;

        // 100,000 sealed ballots stored as votes would store them
        db().inTransaction(em -> {
            Connection connection = SealedBallots.connection(em);
            try (PreparedStatement insertKey = connection.prepareStatement("insert into election_keys"
                    + " (envelope_id, salt, public_key, capacity, status) values (?, ?, ?, ?, 'SEALING')");
                 PreparedStatement insert = connection.prepareStatement(
                         "insert into sealed_ballots (id, envelope_id, channel, sealed) values (?, ?, 'ONLINE', ?)")) {
                insertKey.setLong(1, nord);
                insertKey.setBytes(2, key.salt());
                insertKey.setBytes(3, key.publicKey());
                insertKey.setInt(4, key.capacity());
                insertKey.executeUpdate();
                for (int i = 0; i < BALLOTS; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setLong(2, nord);
                    insert.setBytes(3, sample.get(i % seals).bytes());
                    insert.addBatch();
                    if (i % 1_000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        db().sql("analyze sealed_ballots");

        start = System.nanoTime();
        int unsealed = db().inTransaction(em -> new BallotCount(em, new ElectionKeys(Optional.of(secret)))
                .unseal(nord, PhasePlanTest.day(85)));
        double unsealSeconds = (System.nanoTime() - start) / 1e9;
        db().sql("analyze ballots");
        db().sql("analyze ballot_choices");
        db().inTransaction(em -> Ballots.scores(em, nord)); // warm
        start = System.nanoTime();
        Map<ProjectId, Long> scores = db().inTransaction(em -> Ballots.scores(em, nord));
        double aggregateSeconds = (System.nanoTime() - start) / 1e9;

        assertThat(unsealed).isEqualTo(BALLOTS);
        assertThat(scores).isNotEmpty();
        System.out.printf("%nSEALING COST: seal one ballot %.1f µs, open one %.1f µs (crypto only, one thread);"
                        + " unseal %,d ballots on PostgreSQL (open, shuffle, write plain, erase sealed; one transaction) %.1f s;"
                        + " raw SQL aggregate of the same plain ballots %.2f s; sealed length %d bytes%n",
                sealMicros, openMicros, BALLOTS, unsealSeconds, aggregateSeconds, key.sealedLength());
    }
}
