package org.agora.budget.counting;

import java.util.ArrayList;
import java.util.List;

/** Test data builder: an envelope's amount, projects and approval ballots, counted with a rule. */
final class ElectionBuilder {

    private final Money amount;
    private final List<Project> projects = new ArrayList<>();
    private final List<Ballot> ballots = new ArrayList<>();

    private ElectionBuilder(long amount) {
        this.amount = Money.of(amount);
    }

    static ElectionBuilder of(long amount) {
        return new ElectionBuilder(amount);
    }

    ElectionBuilder project(String id, long cost) {
        projects.add(Project.of(id, cost));
        return this;
    }

    /** {@code voters} identical approval ballots. */
    ElectionBuilder approvals(int voters, String... ids) {
        for (int i = 0; i < voters; i++) {
            ballots.add(Ballot.Approval.of(ids));
        }
        return this;
    }

    ElectionBuilder ballot(Ballot ballot) {
        ballots.add(ballot);
        return this;
    }

    Tally count(TallyRule rule) {
        return count(rule, new VotingRule.Approval(0, Math.max(1, projects.size())));
    }

    Tally count(TallyRule rule, VotingRule votingRule) {
        return rule.count(amount, projects, votingRule, ballots);
    }

    /** Counted from each project's total, summed here as the database would sum the stored points. */
    Tally countFromTotals(TallyRule rule, VotingRule votingRule) {
        java.util.Map<ProjectId, Long> totals = new java.util.HashMap<>();
        ballots.forEach(b -> votingRule.points(b).forEach((id, points) -> totals.merge(id, points, Long::sum)));
        return rule.count(amount, projects, totals);
    }

    List<ProjectId> equalSharesWithoutCompletion() {
        return EqualShares.withoutCompletion(amount, projects, ballots);
    }
}
