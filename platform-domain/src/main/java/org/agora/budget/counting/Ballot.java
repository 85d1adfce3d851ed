package org.agora.budget.counting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agora.shared.InvalidInputException;

/**
 * What one voter chose in one envelope. The content only: who cast it is never part of a ballot. Whether
 * a ballot is acceptable is decided by the call's {@link VotingRule}.
 */
public sealed interface Ballot {

    /** The projects the ballot names, in the order the voter gave them. */
    List<ProjectId> projects();

    /** The projects the voter approves (a knapsack ballot is an approval ballot whose total must fit). */
    record Approval(Set<ProjectId> choices) implements Ballot {

        public Approval {
            choices = Collections.unmodifiableSet(new LinkedHashSet<>(choices));
        }

        public static Approval of(String... ids) {
            Set<ProjectId> choices = new LinkedHashSet<>();
            for (String id : ids) {
                choices.add(ProjectId.of(id));
            }
            return new Approval(choices);
        }

        @Override
        public List<ProjectId> projects() {
            return List.copyOf(choices);
        }
    }

    /** Points spread over projects (a project the voter gives no points to is absent). */
    record Cumulative(Map<ProjectId, Integer> points) implements Ballot {

        public Cumulative {
            points.forEach((project, given) -> {
                if (given == null) {
                    throw new InvalidInputException(VotingRule.FIELD, "budget.ballot.pointsMissing", project.value());
                }
            });
            points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        }

        @Override
        public List<ProjectId> projects() {
            return List.copyOf(points.keySet());
        }

        public int totalPoints() {
            return points.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Projects ranked best first. */
    record Ordinal(List<ProjectId> ranking) implements Ballot {

        public Ordinal {
            ranking = List.copyOf(ranking);
        }

        public static Ordinal of(String... ids) {
            return new Ordinal(java.util.Arrays.stream(ids).map(ProjectId::of).toList());
        }

        @Override
        public List<ProjectId> projects() {
            return ranking;
        }
    }
}
