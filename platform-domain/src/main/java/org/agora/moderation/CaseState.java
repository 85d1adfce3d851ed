package org.agora.moderation;

/**
 * Where a moderation case stands: reported and still shown (OPEN), hidden automatically until a moderator decides
 * (PENDING), then the decision: kept (reports dismissed), hidden with a public reason, restored, or rejected (a
 * budget proposal leaving the review). Reports after a keep or a restore open the case again.
 */
public enum CaseState {
    OPEN,
    PENDING,
    KEPT,
    HIDDEN,
    RESTORED,
    REJECTED;

    /** Waiting for a moderator. */
    public boolean isAwaiting() {
        return this == OPEN || this == PENDING;
    }
}
