package org.agora.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.agora.moderation.BlockService;
import org.agora.participation.ProfileNames;
import org.agora.shared.Actor;
import org.agora.shared.DistrictCode;
import org.agora.shared.Role;

/**
 * The person behind the current request, for pages ({@code #{currentUser...}}) and services alike: roles from
 * the container, home district, served districts and declared birth year from the token's {@code district},
 * {@code agent_districts} and {@code birth_year} claims (identity token for browsers, access token for API callers),
 * and whether moderation blocked them (the platform's {@code resident_blocks}).
 */
@Named
@RequestScoped
public class CurrentUser {

    static final String DISTRICT_CLAIM = "district";
    static final String AGENT_DISTRICTS_CLAIM = "agent_districts";
    static final String BIRTH_YEAR_CLAIM = "birth_year";

    @Inject
    HttpServletRequest request;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    OidcSettings oidc;

    @Inject
    BlockService blocks;

    @Inject
    ProfileNames profileNames;

    private Actor actor;

    /** The actor of this request; injected as {@code @Inject Actor} where a bean lives no longer than a request. */
    @Produces
    public Actor actor() {
        if (actor == null) {
            actor = resolve();
        }
        return actor;
    }

    private Actor resolve() {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return Actor.anonymous();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        TokenClaims claims = claims();
        // the container's groups are the verified token's groups (the API's access token, the session's identity
        // token: the claim the OpenID Connect mechanism gives the container), roles named 1:1 after them. Read here
        // rather than through isUserInRole: under concurrent sessions, a signed-in office member was once in ~600
        // page requests found in no role by isUserInRole after the container had let them in (the authorization
        // matrix's side-by-side pass), and five JACC checks a request cost more than one claim
        claims.list(AgoraAuthenticationMechanism.GROUPS_CLAIM).forEach(g -> Role.fromRealmName(g).ifPresent(roles::add));
        Optional<DistrictCode> home = claims.single(DISTRICT_CLAIM).flatMap(DistrictCode::parse);
        Set<DistrictCode> served = claims.list(AGENT_DISTRICTS_CLAIM).stream()
                .flatMap(c -> DistrictCode.parse(c).stream())
                .collect(Collectors.toSet());
        Actor signedIn = new Actor(principal.getName(), roles, home, served, claims.number(BIRTH_YEAR_CLAIM));
        // a resident blocked by moderation: one read by primary key per request, which every write path then refuses
        return roles.contains(Role.RESIDENT)
                ? blocks.blockedFor(signedIn.username()).map(signedIn::blocked).orElse(signedIn) : signedIn;
    }

    private TokenClaims claims() {
        if (request.getAttribute(BearerPrincipal.class.getName()) instanceof BearerPrincipal bearer) {
            return bearer.claims();
        }
        return TokenClaims.ofVerified(openIdContext.getIdentityToken().getToken());
    }

    // --- for the pages: plain getters, no logic in EL ---

    public boolean isSignedIn() {
        return actor().isSignedIn();
    }

    public String getUsername() {
        return actor().username();
    }

    /** The person's name as Keycloak gives it (the {@code name} claim), or their username without one. */
    public String getDisplayName() {
        if (!isSignedIn()) {
            return getUsername();
        }
        String name = request.getAttribute(BearerPrincipal.class.getName()) instanceof BearerPrincipal bearer
                ? bearer.claims().single("name").orElse(getUsername())
                : openIdContext.getClaims().getName().orElse(getUsername());
        // a name moderation hid is not shown on what the person writes next either
        return profileNames.shownName(getUsername(), name);
    }

    public String getHomeDistrict() {
        return actor().homeDistrict().map(DistrictCode::value).orElse(null);
    }

    /** The districts an agent works for, as a readable list ("est, nord"). */
    public String getAgentDistricts() {
        return actor().agentDistricts().stream().map(DistrictCode::value).sorted().collect(Collectors.joining(", "));
    }

    /** Why moderation blocked this person, shown on every page; null when it did not. */
    public String getBlockedFor() {
        return actor().blockedFor().orElse(null);
    }

    public Integer getBirthYear() {
        return actor().birthYear().orElse(null);
    }

    /** Keycloak's account console, where people change their name, e-mail, district or birth year. */
    public String getAccountUrl() {
        return oidc.getProviderUri() + "/account";
    }

    public List<String> getRoleNames() {
        return actor().roles().stream().sorted().map(Role::realmName).toList();
    }

    public boolean isDistrictAgent() {
        return actor().has(Role.DISTRICT_AGENT);
    }

    public boolean isModerator() {
        return actor().has(Role.MODERATOR);
    }

    public boolean isOfficeAdmin() {
        return actor().has(Role.OFFICE_ADMIN);
    }

    public boolean isAnalyst() {
        return actor().has(Role.ANALYST);
    }
}
