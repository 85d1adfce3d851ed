package org.agora.newsletter;

/**
 * The ways of taking part a newsletter may target, each read from what the platform already records about who took
 * part (never what they chose): the register of who voted in a budget call ({@code vote_marks}), the has-answered mark
 * of a consultation ({@code consultation_participations}), the members of a council.
 */
public enum Participation {
    /** Voted in this budget call, on any channel (the id is the call's). */
    VOTED_IN_CALL,
    /** Answered this consultation (the id is the consultation's). */
    ANSWERED_CONSULTATION,
    /** Is a member of this neighbourhood council (the id is the council's). */
    COUNCIL_MEMBER
}
