package org.agora.budget.project;

/**
 * What a visitor looks for among a call's projects: an envelope, a theme, a review status (or only those on
 * the ballot), and words of the title or description. Null means any. Merged duplicates are never listed.
 */
public record ProjectFilter(long callId, Long envelopeId, Long themeId, ProjectStatus status, boolean onBallotOnly,
                            String text) {

    public static ProjectFilter allOf(long callId) {
        return new ProjectFilter(callId, null, null, null, false, null);
    }
}
