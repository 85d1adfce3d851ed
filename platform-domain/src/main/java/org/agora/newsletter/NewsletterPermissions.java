package org.agora.newsletter;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.Role;

/**
 * Who writes and sends newsletters: the office to any audience, the city included; a district agent only to audiences
 * within the districts they serve (at least one district, all of them theirs: never the whole city nor another
 * district). Nobody else. The same rule decides who sees, edits, counts, tests and sends a newsletter: its audience's.
 */
public final class NewsletterPermissions {

    private NewsletterPermissions() {
    }

    /** Why this person may not write to this audience; empty when they may. */
    public static Optional<String> whyNotWrite(Actor actor, Audience audience) {
        if (!actor.isSignedIn()) {
            return Optional.of("newsletter.signIn");
        }
        if (actor.has(Role.OFFICE_ADMIN)) {
            return Optional.empty();
        }
        if (!actor.has(Role.DISTRICT_AGENT)) {
            return Optional.of("newsletter.notAllowed");
        }
        if (audience.isCityWide()) {
            return Optional.of("newsletter.cityWideForOffice");
        }
        if (!audience.districts().stream().allMatch(actor::servesDistrict)) {
            return Optional.of("newsletter.otherDistrict");
        }
        return Optional.empty();
    }

    public static boolean canWrite(Actor actor, Audience audience) {
        return whyNotWrite(actor, audience).isEmpty();
    }

    /** Whether the person writes newsletters at all (the staff pages, the menu). */
    public static boolean writesNewsletters(Actor actor) {
        return actor.has(Role.OFFICE_ADMIN) || (actor.has(Role.DISTRICT_AGENT) && !actor.agentDistricts().isEmpty());
    }
}
