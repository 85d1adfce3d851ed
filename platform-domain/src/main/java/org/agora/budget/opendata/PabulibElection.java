package org.agora.budget.opendata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.agora.budget.call.PabulibEntry;
import org.agora.budget.counting.Ballot;
import org.agora.budget.counting.Money;
import org.agora.budget.counting.Project;
import org.agora.budget.counting.ProjectId;
import org.agora.budget.counting.Tally;
import org.agora.budget.counting.TallyRule;
import org.agora.budget.counting.VotingRule;

/**
 * One election as a Pabulib file describes it: its {@code META} entries, its projects and its votes.
 * The amount, the ballot rule and the official rule are read from the entries.
 */
public record PabulibElection(Map<String, String> meta, List<PabulibProject> projects, List<PabulibVote> votes) {

    public PabulibElection {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
        projects = List.copyOf(projects);
        votes = List.copyOf(votes);
    }

    /** The envelope: the {@code budget} entry. */
    public Money budget() {
        return Money.of(PabulibEntry.wholeNumber(meta.get("budget")));
    }

    public String voteType() {
        return meta.getOrDefault("vote_type", "approval");
    }

    /** The official rule, when the file names one the platform runs. */
    public Optional<TallyRule> rule() {
        return TallyRule.fromPabulibName(meta.getOrDefault("rule", ""));
    }

    /**
     * The ballot rule the file's entries describe: {@code min_length}/{@code max_length} for approval and
     * ordinal ballots (by default 0 and the number of projects), {@code max_sum_points}/{@code max_points}
     * for cumulative ones.
     */
    public VotingRule votingRule() {
        int all = Math.max(1, projects.size());
        return switch (voteType()) {
            case "choose-1" -> new VotingRule.Approval(1, 1);
            case "cumulative" -> {
                int sum = intEntry("max_sum_points", intEntry("max_points", Integer.MAX_VALUE));
                yield new VotingRule.Cumulative(sum, intEntry("max_points", sum));
            }
            case "ordinal" -> new VotingRule.Ordinal(intEntry("max_length", all));
            default -> new VotingRule.Approval(intEntry("min_length", 0), intEntry("max_length", all));
        };
    }

    public List<Project> countedProjects() {
        return projects.stream().map(PabulibProject::project).toList();
    }

    public List<Ballot> ballots() {
        return votes.stream().map(PabulibVote::ballot).toList();
    }

    /** The official winners, when the file has a {@code selected} column. */
    public Optional<Set<ProjectId>> officialWinners() {
        if (projects.isEmpty() || projects.stream().allMatch(p -> p.selected().isEmpty())) {
            return Optional.empty();
        }
        Set<ProjectId> winners = new LinkedHashSet<>();
        projects.stream().filter(p -> p.selected().orElse(false)).forEach(p -> winners.add(p.id()));
        return Optional.of(Collections.unmodifiableSet(winners));
    }

    /** Counts the file's ballots with {@code rule}. */
    public Tally tally(TallyRule rule) {
        return rule.count(budget(), countedProjects(), votingRule(), ballots());
    }

    private int intEntry(String key, int fallback) {
        String value = meta.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Math.toIntExact(PabulibEntry.wholeNumber(value));
    }
}
