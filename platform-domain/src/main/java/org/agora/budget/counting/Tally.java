package org.agora.budget.counting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of counting one envelope: the winners in the order the rule selected them, the votes or points
 * of every project, what the winners cost together and what is left of the envelope, and the rule used,
 * whose plain-words explanation is the bundle text {@link #explanationKey()}.
 */
public record Tally(TallyRule rule, List<ProjectId> winners, Map<ProjectId, Long> scores, Money spent,
                    Money leftover) {

    public Tally {
        Objects.requireNonNull(rule, "rule");
        winners = List.copyOf(winners);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** {@code budget.rule.<name>.explained}: what the rule does, in words for residents. */
    public String explanationKey() {
        return "budget.rule." + rule.key() + ".explained";
    }

    public boolean isWinner(ProjectId project) {
        return winners.contains(project);
    }

    public long scoreOf(ProjectId project) {
        return scores.getOrDefault(project, 0L);
    }
}
