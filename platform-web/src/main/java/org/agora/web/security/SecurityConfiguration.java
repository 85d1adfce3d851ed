package org.agora.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import org.agora.shared.Role;

/**
 * Residents and staff sign in through Keycloak (OpenID Connect, confidential client). Keycloak puts the
 * realm roles in a flat {@code groups} claim, which become the caller's roles one to one. After the login the
 * user comes back to {@link CallbackServlet}, which sends them on to the page they asked for (the container's
 * own "redirect to original resource" loses the request's parameters).
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${agoraOidc.providerUri}",
        clientId = "${agoraOidc.clientId}",
        clientSecret = "${agoraOidc.clientSecret}",
        redirectURI = "${baseURL}/Callback",
        redirectToOriginalResource = false,
        tokenAutoRefresh = true,
        scope = {"openid", "email", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"))
@DeclareRoles({Role.RESIDENT_NAME, Role.DISTRICT_AGENT_NAME, Role.MODERATOR_NAME, Role.OFFICE_ADMIN_NAME,
               Role.ANALYST_NAME})
@ApplicationScoped
public class SecurityConfiguration {
}
