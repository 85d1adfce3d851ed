package org.agora.participation;

import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * Who may use the register of residents: the office everywhere, district agents for the people of their districts
 * (a desk looks people up; it enters people without an account and corrects districts or birth years only for its
 * own districts). Residents never change their own entry.
 */
public final class RegisterPermissions {

    private RegisterPermissions() {
    }

    /** Looks people up at a desk. */
    public static boolean canSearch(Actor actor) {
        return actor.has(Role.OFFICE_ADMIN) || actor.has(Role.DISTRICT_AGENT) && !actor.agentDistricts().isEmpty();
    }

    /** Why this person may not enter someone of this district on the register; empty when they may. */
    public static Optional<String> whyNotEnlist(Actor actor, DistrictCode district) {
        return actor.has(Role.OFFICE_ADMIN) || actor.servesDistrict(district)
                ? Optional.empty() : Optional.of("participation.register.notYourDistrict");
    }

    /**
     * Why this person may not change the resident's entry (move them to {@code to}, or correct the birth year when
     * {@code to} is empty); empty when they may: the office, or an agent of both the current and the new district.
     */
    public static Optional<String> whyNotChange(Actor actor, Resident resident, Optional<DistrictCode> to) {
        if (actor.has(Role.OFFICE_ADMIN)) {
            return Optional.empty();
        }
        boolean current = resident.getDistrict().map(actor::servesDistrict).orElse(false);
        boolean target = to.map(actor::servesDistrict).orElse(true);
        return current && target ? Optional.empty() : Optional.of("participation.register.notYourDistrict");
    }
}
