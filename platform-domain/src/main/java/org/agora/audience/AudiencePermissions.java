package org.agora.audience;

import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;

/**
 * Who may have an instance store its audience counts at once (instead of waiting for the next batch): analysts and the
 * democracy office, who read the figures. Reading them goes through the KPIs' own permissions.
 */
public final class AudiencePermissions {

    private AudiencePermissions() {
    }

    public static boolean canFlush(Actor actor) {
        return actor.has(Role.ANALYST) || actor.has(Role.OFFICE_ADMIN);
    }

    public static void checkFlush(Actor actor) {
        if (!actor.isSignedIn()) {
            throw new NotAllowedException("api.signInRequired");
        }
        if (!canFlush(actor)) {
            throw new NotAllowedException("audience.flush.notAllowed");
        }
    }
}
