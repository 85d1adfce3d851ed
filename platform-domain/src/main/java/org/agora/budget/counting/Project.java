package org.agora.budget.counting;

import java.util.Objects;
import org.agora.shared.InvalidInputException;

/** A project as the count sees it: its identifier and its cost, which must be more than zero. */
public record Project(ProjectId id, Money cost) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cost, "cost");
        if (cost.amount() == 0) {
            throw new InvalidInputException("cost", "budget.project.costNotPositive", id.value());
        }
    }

    public static Project of(String id, long cost) {
        return new Project(ProjectId.of(id), Money.of(cost));
    }
}
