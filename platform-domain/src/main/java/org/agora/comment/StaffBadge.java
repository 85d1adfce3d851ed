package org.agora.comment;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.Role;

/**
 * Staff speak for the city in a discussion, and readers should see it: a district agent for the town hall, the
 * office for the democracy office, a moderator for moderation. Residents carry no badge. Taken when the comment is
 * written, so a later change of roles does not rewrite the past.
 */
public enum StaffBadge {
    TOWN_HALL,
    DEMOCRACY_OFFICE,
    MODERATION;

    /** The badge of someone writing now: the office before an agent, an agent before a moderator. */
    public static Optional<StaffBadge> of(Actor author) {
        if (author.has(Role.OFFICE_ADMIN)) {
            return Optional.of(DEMOCRACY_OFFICE);
        }
        if (author.has(Role.DISTRICT_AGENT)) {
            return Optional.of(TOWN_HALL);
        }
        if (author.has(Role.MODERATOR)) {
            return Optional.of(MODERATION);
        }
        return Optional.empty();
    }
}
