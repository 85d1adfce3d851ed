package org.agora.budget.followup;

/**
 * Where a winning project stands in its implementation: being studied (design, permits, orders), works in
 * progress, delivered (then its progress is 100 %), or abandoned, with a public reason residents read.
 */
public enum FollowUpStatus {
    STUDIED,
    IN_PROGRESS,
    DELIVERED,
    ABANDONED
}
