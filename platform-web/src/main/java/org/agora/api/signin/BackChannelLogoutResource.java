package org.agora.api.signin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.agora.shared.InvalidInputException;
import org.agora.web.security.EndedKeycloakSessions;
import org.agora.web.security.LogoutTokens;

/**
 * Keycloak's back-channel logout (OpenID Connect Back-Channel Logout 1.0): when a session ends at Keycloak (signed
 * out of another application of the realm, ended by an administrator or by its own limits), Keycloak posts a signed
 * logout token here, and the platform's sessions signed in through it end, on every instance. The realm's client
 * names this address as its "backchannel logout URL". No caller token: the logout token's signature is the proof.
 */
@Path("backchannel-logout")
public class BackChannelLogoutResource {

    @Inject
    LogoutTokens tokens;

    @Inject
    EndedKeycloakSessions sessions;

    /** 200 once the session is noted; 400 (problem JSON) for anything but a valid logout token of the realm for us. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loggedOut(@FormParam("logout_token") String logoutToken) {
        return tokens.endedSession(logoutToken).map(session -> {
            sessions.end(session);
            return Response.ok().header("Cache-Control", "no-store").build();
        }).orElseThrow(() -> new InvalidInputException("logout_token", "api.logoutToken.invalid"));
    }
}
