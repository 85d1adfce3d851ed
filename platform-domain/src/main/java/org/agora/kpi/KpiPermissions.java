package org.agora.kpi;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;

/**
 * Who reads the participation KPIs: analysts and the democracy office for the whole city and any district, district
 * agents for their own districts only. Residents, moderators and visitors never do.
 */
public final class KpiPermissions {

    private KpiPermissions() {
    }

    /** Whether this person may open the KPIs at all (the dashboard, the API). */
    public static boolean canRead(Actor actor) {
        return actor.has(Role.ANALYST) || actor.has(Role.OFFICE_ADMIN) || actor.has(Role.DISTRICT_AGENT);
    }

    /** Why this person may not read these figures, as a message key; empty when they may. */
    public static Optional<String> whyNotRead(Actor actor, KpiQuery query) {
        if (!actor.isSignedIn()) {
            return Optional.of("kpi.signInFirst");
        }
        if (actor.has(Role.ANALYST) || actor.has(Role.OFFICE_ADMIN)) {
            return Optional.empty();
        }
        if (actor.has(Role.DISTRICT_AGENT)) {
            return query.district().filter(actor::servesDistrict).isPresent()
                    ? Optional.empty() : Optional.of("kpi.notYourDistrict");
        }
        return Optional.of("kpi.notAllowed");
    }

    public static void checkRead(Actor actor, KpiQuery query) {
        whyNotRead(actor, query).ifPresent(key -> {
            throw new NotAllowedException(key);
        });
    }
}
