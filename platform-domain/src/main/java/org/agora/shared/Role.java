package org.agora.shared;

import java.util.Arrays;
import java.util.Optional;

/** The realm roles of the platform, as Keycloak names them in the token's {@code groups} claim. */
public enum Role {
    RESIDENT("resident"),
    DISTRICT_AGENT("district-agent"),
    MODERATOR("moderator"),
    OFFICE_ADMIN("office-admin"),
    ANALYST("analyst");

    /** Role names as plain strings, for {@code @RolesAllowed} and security constraints. */
    public static final String RESIDENT_NAME = "resident";
    public static final String DISTRICT_AGENT_NAME = "district-agent";
    public static final String MODERATOR_NAME = "moderator";
    public static final String OFFICE_ADMIN_NAME = "office-admin";
    public static final String ANALYST_NAME = "analyst";

    private final String realmName;

    Role(String realmName) {
        this.realmName = realmName;
    }

    public String realmName() {
        return realmName;
    }

    public static Optional<Role> fromRealmName(String name) {
        return Arrays.stream(values()).filter(r -> r.realmName.equals(name)).findFirst();
    }
}
