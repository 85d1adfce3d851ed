package org.agora.budget;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.NotAllowedException;
import org.agora.shared.Role;

/**
 * Who may do what with the participatory budget: the office creates and changes calls; an envelope is managed by
 * the office or by the agents of its district (the city-wide envelope by the office only).
 */
public final class BudgetPermissions {

    private BudgetPermissions() {
    }

    public static boolean canManageCalls(Actor actor) {
        return actor.has(Role.OFFICE_ADMIN);
    }

    public static void requireCalls(Actor actor) {
        if (!canManageCalls(actor)) {
            throw new NotAllowedException("budget.call.notAllowed");
        }
    }

    public static boolean canManageEnvelope(Actor actor, Optional<DistrictCode> district) {
        return actor.has(Role.OFFICE_ADMIN) || district.map(actor::servesDistrict).orElse(false);
    }
}
