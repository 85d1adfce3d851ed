package org.agora.shared;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: the signed-in person as the security layer established it (name, realm roles, home
 * district, districts served as an agent, the birth year they declared, if any, and why moderation blocked them, if it
 * did), or nobody. Permissions of every
 * capability are decided on it.
 */
public record Actor(String username, Set<Role> roles, Optional<DistrictCode> homeDistrict,
                    Set<DistrictCode> agentDistricts, Optional<Integer> birthYear, Optional<String> blockedFor) {

    private static final Actor ANONYMOUS = new Actor(null, Set.of(), Optional.empty(), Set.of());

    public Actor {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        agentDistricts = Set.copyOf(agentDistricts);
        birthYear = birthYear == null ? Optional.empty() : birthYear;
        blockedFor = blockedFor == null ? Optional.empty() : blockedFor;
    }

    /** Someone not blocked by moderation. */
    public Actor(String username, Set<Role> roles, Optional<DistrictCode> homeDistrict, Set<DistrictCode> agentDistricts,
                 Optional<Integer> birthYear) {
        this(username, roles, homeDistrict, agentDistricts, birthYear, Optional.empty());
    }

    /** Someone who declared no birth year. */
    public Actor(String username, Set<Role> roles, Optional<DistrictCode> homeDistrict, Set<DistrictCode> agentDistricts) {
        this(username, roles, homeDistrict, agentDistricts, Optional.empty());
    }

    public static Actor anonymous() {
        return ANONYMOUS;
    }

    public boolean isSignedIn() {
        return username != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The same person with the district and birth year the platform's register has for them, in place of those their
     * account claims now (which they may edit): what a vote's eligibility reads.
     */
    public Actor asRegistered(Optional<DistrictCode> registeredDistrict, Optional<Integer> registeredBirthYear) {
        return new Actor(username, roles, registeredDistrict, agentDistricts, registeredBirthYear, blockedFor);
    }

    /**
     * The same person blocked by moderation for this reason: they may still read, but no longer post, report,
     * support or vote (each capability's permissions refuse with {@link #BLOCKED}).
     */
    public Actor blocked(String reason) {
        return new Actor(username, roles, homeDistrict, agentDistricts, birthYear, Optional.of(reason));
    }

    /** The message key of every refusal to a blocked person. */
    public static final String BLOCKED = "moderation.blocked";

    public boolean isBlocked() {
        return blockedFor.isPresent();
    }

    /** A district agent acts only for the districts they are bound to. */
    public boolean servesDistrict(DistrictCode district) {
        return has(Role.DISTRICT_AGENT) && agentDistricts.contains(district);
    }
}
