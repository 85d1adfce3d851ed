package org.agora.budget;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.agora.shared.InvalidInputException;

/**
 * How the winners of an envelope are chosen from its amount, its projects and the ballots.
 * <ul>
 * <li>{@link #GREEDY}: projects by votes or points, highest first; a project that no longer fits is skipped
 * and the next ones are still tried.</li>
 * <li>{@link #GREEDY_NO_SKIP}: the same order, but the count stops at the first project that does not fit.</li>
 * <li>{@link #EQUAL_SHARES}: the Method of Equal Shares for approval ballots, see {@link EqualShares}.</li>
 * </ul>
 * Votes are what the call's {@link VotingRule} gives: one per approval, the points of a cumulative ballot,
 * rank points for an ordinal ballot. Greedy ties: more votes first, then the lower cost, then the project
 * identifiers' natural order. A project nobody voted for is never selected.
 */
public enum TallyRule {
    GREEDY("greedy", "greedy"),
    GREEDY_NO_SKIP("greedyNoSkip", "greedy-no-skip"),
    EQUAL_SHARES("equalShares", "equalshares/add1");

    private final String key;
    private final String pabulibName;

    TallyRule(String key, String pabulibName) {
        this.key = key;
        this.pabulibName = pabulibName;
    }

    /** The name in message keys: {@code budget.rule.<key>.explained}. */
    public String key() {
        return key;
    }

    /** The name of the rule in a Pabulib file's {@code rule} entry. */
    public String pabulibName() {
        return pabulibName;
    }

    public static Optional<TallyRule> fromPabulibName(String name) {
        return Arrays.stream(values()).filter(rule -> rule.pabulibName.equals(name)).findFirst();
    }

    /**
     * Counts the ballots of an envelope of {@code amount} offering {@code projects}; each ballot must name
     * only these projects (the voting rule validated it when it was cast or imported).
     */
    public Tally count(Money amount, List<Project> projects, VotingRule votingRule,
                       Collection<? extends Ballot> ballots) {
        Map<ProjectId, Project> byId = projects.stream()
                .collect(Collectors.toMap(Project::id, Function.identity(), (a, b) -> {
                    throw new InvalidInputException("projects", "budget.project.duplicate", a.id().value());
                }, LinkedHashMap::new));
        Map<ProjectId, Long> scores = scores(byId.keySet(), votingRule, ballots);
        List<ProjectId> winners = switch (this) {
            case GREEDY -> Greedy.select(amount, projects, scores, true);
            case GREEDY_NO_SKIP -> Greedy.select(amount, projects, scores, false);
            case EQUAL_SHARES -> EqualShares.select(amount, projects, ballots);
        };
        Money spent = Money.ZERO;
        for (ProjectId winner : winners) {
            spent = spent.plus(byId.get(winner).cost());
        }
        return new Tally(this, winners, scores, spent, amount.minus(spent));
    }

    private static Map<ProjectId, Long> scores(Set<ProjectId> projects, VotingRule votingRule,
                                               Collection<? extends Ballot> ballots) {
        Map<ProjectId, Long> scores = new LinkedHashMap<>();
        projects.forEach(id -> scores.put(id, 0L));
        for (Ballot ballot : ballots) {
            votingRule.points(ballot).forEach((id, points) -> {
                if (!scores.containsKey(id)) {
                    throw new InvalidInputException("ballot", "budget.ballot.unknownProject", id.value());
                }
                scores.merge(id, points, Long::sum);
            });
        }
        return scores;
    }
}
