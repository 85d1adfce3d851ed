package org.agora.budget.call;

/** The steps of a yearly participatory budget, in order. */
public enum BudgetPhase {
    /** Residents submit projects and may edit them. */
    SUBMISSION,
    /** Staff review feasibility and costs, merge duplicates, select what goes to the vote. */
    REVIEW,
    /** Residents vote; the rules are locked. */
    VOTE,
    /** The tally is public. */
    RESULTS,
    /** The winning projects are delivered and followed up. */
    IMPLEMENTATION
}
