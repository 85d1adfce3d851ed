package org.agora.budget.counting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The greedy counts: projects by votes, highest first, while the envelope lasts. */
final class Greedy {

    private Greedy() {
    }

    /** The deterministic order of the greedy counts: more votes, then lower cost, then the identifiers' order. */
    static Comparator<Project> order(Map<ProjectId, Long> scores) {
        return Comparator.<Project>comparingLong(p -> scores.getOrDefault(p.id(), 0L)).reversed()
                .thenComparing(Project::cost)
                .thenComparing(Project::id);
    }

    static List<ProjectId> select(Money amount, List<Project> projects, Map<ProjectId, Long> scores,
                                  boolean skipWhatDoesNotFit) {
        List<Project> ordered = projects.stream()
                .filter(p -> scores.getOrDefault(p.id(), 0L) > 0)
                .sorted(order(scores))
                .toList();
        List<ProjectId> winners = new ArrayList<>();
        Money left = amount;
        for (Project project : ordered) {
            if (project.cost().isAtMost(left)) {
                winners.add(project.id());
                left = left.minus(project.cost());
            } else if (!skipWhatDoesNotFit) {
                break;
            }
        }
        return winners;
    }
}
