package org.agora.budget.counting;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * <li>{@link #EQUAL_SHARES_COMPARISON}: the same, then the comparison step of equalshares.net (Pabulib's
 * {@code equalshares/add1-comparison}): when more voters prefer the {@link #GREEDY} outcome than prefer the Equal
 * Shares one, the greedy outcome is chosen instead, see {@link EqualShares#comparisonStep}.</li>
 * </ul>
 * Votes are what the call's {@link VotingRule} gives: one per approval, the points of a cumulative ballot,
 * rank points for an ordinal ballot. Greedy ties: more votes first, then the lower cost, then the project
 * identifiers' natural order. A project nobody voted for is never selected.
 */
public enum TallyRule {
    GREEDY("greedy", "greedy"),
    GREEDY_NO_SKIP("greedyNoSkip", "greedy-no-skip"),
    EQUAL_SHARES("equalShares", "equalshares/add1"),
    EQUAL_SHARES_COMPARISON("equalSharesComparison", "equalshares/add1-comparison");

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
     * Whether the rule needs each ballot (the Equal Shares counts: who approved what), or only each project's total
     * votes or points (the greedy counts), which the database can sum without loading a ballot.
     */
    public boolean needsEachBallot() {
        return isEqualShares();
    }

    /** The Method of Equal Shares, with or without the comparison step: approval ballots only. */
    public boolean isEqualShares() {
        return this == EQUAL_SHARES || this == EQUAL_SHARES_COMPARISON;
    }

    /**
     * Counts the ballots of an envelope of {@code amount} offering {@code projects}; each ballot must name
     * only these projects (the voting rule validated it when it was cast or imported).
     */
    public Tally count(Money amount, List<Project> projects, VotingRule votingRule,
                       Collection<? extends Ballot> ballots) {
        Map<ProjectId, Project> byId = byId(projects);
        Map<ProjectId, Long> scores = zeros(byId);
        for (Ballot ballot : ballots) {
            add(scores, votingRule.points(ballot));
        }
        List<ProjectId> winners = switch (this) {
            case GREEDY -> Greedy.select(amount, projects, scores, true);
            case GREEDY_NO_SKIP -> Greedy.select(amount, projects, scores, false);
            case EQUAL_SHARES -> EqualShares.select(amount, projects, ballots);
            case EQUAL_SHARES_COMPARISON -> EqualShares.comparisonStep(
                    EqualShares.selectUntilTheNextShareOverspends(amount, projects, ballots),
                    Greedy.select(amount, projects, scores, true), ballots);
        };
        return tally(amount, byId, winners, scores);
    }

    /**
     * Counts from each project's total votes or points, already summed over the ballots (by the database): all
     * a greedy count needs. Gives the same {@link Tally} as counting the ballots one by one. A rule that
     * {@link #needsEachBallot() needs each ballot} refuses.
     */
    public Tally count(Money amount, List<Project> projects, Map<ProjectId, Long> totals) {
        if (needsEachBallot()) {
            throw new IllegalStateException(this + " counts each ballot, not totals");
        }
        Map<ProjectId, Project> byId = byId(projects);
        Map<ProjectId, Long> scores = zeros(byId);
        add(scores, totals);
        return tally(amount, byId, Greedy.select(amount, projects, scores, this == GREEDY), scores);
    }

    private Tally tally(Money amount, Map<ProjectId, Project> byId, List<ProjectId> winners,
                        Map<ProjectId, Long> scores) {
        Money spent = Money.ZERO;
        for (ProjectId winner : winners) {
            spent = spent.plus(byId.get(winner).cost());
        }
        return new Tally(this, winners, scores, spent, amount.minus(spent));
    }

    private static Map<ProjectId, Project> byId(List<Project> projects) {
        return projects.stream()
                .collect(Collectors.toMap(Project::id, Function.identity(), (a, b) -> {
                    throw new InvalidInputException("projects", "budget.project.duplicate", a.id().value());
                }, LinkedHashMap::new));
    }

    private static Map<ProjectId, Long> zeros(Map<ProjectId, Project> projects) {
        Map<ProjectId, Long> scores = new LinkedHashMap<>();
        projects.keySet().forEach(id -> scores.put(id, 0L));
        return scores;
    }

    private static void add(Map<ProjectId, Long> scores, Map<ProjectId, Long> points) {
        points.forEach((id, given) -> {
            if (!scores.containsKey(id)) {
                throw new InvalidInputException("ballot", "budget.ballot.unknownProject", id.value());
            }
            scores.merge(id, given, Long::sum);
        });
    }
}
