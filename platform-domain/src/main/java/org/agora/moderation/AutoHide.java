package org.agora.moderation;

/**
 * The rule that hides an item automatically: once {@code threshold} different people have reported it and no
 * moderator has decided since (its reports are open), it is hidden until a moderator decides. Configured by
 * {@code agora.moderation.auto-hide-reports} (default {@value #DEFAULT_THRESHOLD}).
 */
public record AutoHide(int threshold) {

    public static final int DEFAULT_THRESHOLD = 3;
    public static final AutoHide DEFAULT = new AutoHide(DEFAULT_THRESHOLD);

    public AutoHide {
        if (threshold < 1) {
            throw new IllegalArgumentException("agora.moderation.auto-hide-reports must be at least 1, not " + threshold);
        }
    }

    /** Whether a case in this state, with this many open reports from different people, hides its item now. */
    public boolean hides(CaseState state, int openReports) {
        return state == CaseState.OPEN && openReports >= threshold;
    }
}
