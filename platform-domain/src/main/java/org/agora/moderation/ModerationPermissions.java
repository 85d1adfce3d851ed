package org.agora.moderation;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * Who may do what in moderation. Anyone signed in and not blocked reports what they can see (not their own items);
 * moderators and the office work the whole queue; district agents the items of their districts only (a city-wide item
 * is for moderators); moderators and the office block and unblock residents; the office reads the audit log.
 */
public final class ModerationPermissions {

    private ModerationPermissions() {
    }

    public static Optional<String> whyNotReport(Actor actor, ModeratedItem item) {
        if (!actor.isSignedIn()) {
            return Optional.of("moderation.report.signIn");
        }
        if (actor.isBlocked()) {
            return Optional.of(Actor.BLOCKED);
        }
        if (item.author().equals(actor.username())) {
            return Optional.of("moderation.report.own");
        }
        return Optional.empty();
    }

    /** Moderators and the office everywhere, district agents for the districts they serve. */
    public static boolean canWorkQueue(Actor actor) {
        return isCityWide(actor) || (actor.has(Role.DISTRICT_AGENT) && !actor.agentDistricts().isEmpty());
    }

    /** Whether this person sees and decides the case of an item of this district (none: city-wide). */
    public static boolean canModerate(Actor actor, Optional<DistrictCode> district) {
        return isCityWide(actor) || district.map(actor::servesDistrict).orElse(false);
    }

    public static boolean canBlock(Actor actor) {
        return isCityWide(actor);
    }

    public static boolean canReadAudit(Actor actor) {
        return actor.has(Role.OFFICE_ADMIN);
    }

    private static boolean isCityWide(Actor actor) {
        return actor.has(Role.MODERATOR) || actor.has(Role.OFFICE_ADMIN);
    }
}
