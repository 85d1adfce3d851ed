package org.agora.moderation;

/** What residents may report; each kind is answered for by the capability that owns it ({@link ModerationTargets}). */
public enum ItemKind {
    COMMENT,
    BUDGET_PROJECT,
    COUNCIL_IDEA,
    COUNCIL_POST,
    COUNCIL_DOCUMENT,
    CONSULTATION_TEXT,
    PROFILE_NAME
}
