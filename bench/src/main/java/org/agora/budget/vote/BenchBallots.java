package org.agora.budget.vote;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;

/**
 * The benchmark's door to the domain's package-private sealing code (bench module only, in the vote's package): an
 * envelope's election key made as the first vote makes it, ballots sealed to it exactly as a vote seals them, and the
 * greedy winners of known scores. Nothing here is part of the application.
 */
public final class BenchBallots {

    private final ElectionKey key;

    private BenchBallots(ElectionKey key) {
        this.key = key;
    }

    /**
     * The envelope's key, made now in the caller's transaction if it has none (as the first online ballot does), from
     * the operators' secret (base64, {@value SealingSecret#KEY}); commit before the app counts.
     */
    public static BenchBallots keyOf(Connection connection, long envelopeId, int capacity, String secretBase64) {
        SealingSecret secret = SealingSecret.of(secretBase64);
        return new BenchBallots(SealedBallots.findOrCreateKey(connection, envelopeId, capacity, secret).key()
                .checkedWith(secret));
    }

    /**
     * What a vote pads an envelope's sealed ballots to under the knapsack rule (the bench's): the most of these
     * projects (id -> cost) that fit in the amount.
     */
    public static int knapsackCapacity(long amount, Map<Long, Long> costs) {
        List<Project> projects = new ArrayList<>();
        costs.forEach((id, cost) -> projects.add(Project.of(String.valueOf(id), cost)));
        return new VotingRule.Knapsack().mostChoices(projects, Money.of(amount));
    }

    /** An online ballot (project id -> votes) sealed as {@code VotingService.cast} seals it: the bytes stored. */
    public byte[] sealOnline(Map<Long, Long> points) {
        Map<ProjectId, Long> choices = new LinkedHashMap<>();
        points.forEach((project, p) -> choices.put(new ProjectId(String.valueOf(project)), p));
        return key.seal(choices, Channel.ONLINE).bytes();
    }

    /** The winners of the platform's greedy rule (skipping what no longer fits) for these scores and costs. */
    public static List<Long> greedyWinners(long amount, Map<Long, Long> costs, Map<Long, Long> scores) {
        List<Project> projects = new ArrayList<>();
        costs.forEach((id, cost) -> projects.add(Project.of(String.valueOf(id), cost)));
        Map<ProjectId, Long> byId = new LinkedHashMap<>();
        scores.forEach((id, score) -> byId.put(new ProjectId(String.valueOf(id)), score));
        return TallyRule.GREEDY.count(Money.of(amount), projects, byId).winners().stream()
                .map(p -> Long.valueOf(p.value())).toList();
    }
}
