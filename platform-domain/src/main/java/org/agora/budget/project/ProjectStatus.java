package org.agora.budget.project;

/**
 * Where a project stands in the review: submitted by residents and not reviewed yet, found feasible (its cost
 * possibly revised), found not feasible (with a public reason), or merged into another project as its duplicate.
 * Only a feasible project may be put on the ballot. Moderation may reject a submitted proposal (with a public
 * reason): it then leaves the review and the public lists for good.
 */
public enum ProjectStatus {
    SUBMITTED,
    FEASIBLE,
    NOT_FEASIBLE,
    MERGED,
    REJECTED
}
