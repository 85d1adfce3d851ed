package org.agora.territory;

import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;

/** Who may change the territory: the office everywhere, a district agent only the neighbourhoods of their districts. */
public final class TerritoryPermissions {

    private TerritoryPermissions() {
    }

    public static boolean canManageDistrictsAndThemes(Actor actor) {
        return actor.has(Role.OFFICE_ADMIN);
    }

    public static boolean canManageNeighbourhoods(Actor actor, DistrictCode district) {
        return actor.has(Role.OFFICE_ADMIN) || actor.servesDistrict(district);
    }

    static void requireDistrictsAndThemes(Actor actor) {
        if (!canManageDistrictsAndThemes(actor)) {
            throw new NotAllowedException("territory.notAllowed");
        }
    }

    static void requireNeighbourhoods(Actor actor, DistrictCode district) {
        if (!canManageNeighbourhoods(actor, district)) {
            throw new NotAllowedException("territory.neighbourhood.notAllowed", district.value());
        }
    }
}
