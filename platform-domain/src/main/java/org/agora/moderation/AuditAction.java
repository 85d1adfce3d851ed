package org.agora.moderation;

/**
 * The acts the audit log records: moderation decisions, automatic hiding, blocks, project review decisions, and the
 * sending of a newsletter.
 */
public enum AuditAction {
    AUTO_HIDE,
    HOLD,
    KEEP,
    HIDE,
    RESTORE,
    REJECT,
    BLOCK,
    UNBLOCK,
    REVIEW_FEASIBLE,
    REVIEW_NOT_FEASIBLE,
    REVIEW_MERGE,
    REVIEW_BALLOT,
    NEWSLETTER_SENT,
    RETENTION_PURGE
}
