package org.agora.council;

/**
 * Where a person stands with a council. Asking to join gives {@code REQUESTED} (or {@code MEMBER} directly when
 * the council needs no approval); an animator approves ({@code MEMBER}) or refuses ({@code REFUSED}) a request and
 * may remove a member ({@code REMOVED}); a person may leave or withdraw their request ({@code LEFT}).
 */
public enum MembershipStatus {
    REQUESTED,
    MEMBER,
    LEFT,
    REFUSED,
    REMOVED;

    /** Whether the person is (or asks to be) in the council: they cannot ask again from here. */
    public boolean isActive() {
        return this == REQUESTED || this == MEMBER;
    }
}
