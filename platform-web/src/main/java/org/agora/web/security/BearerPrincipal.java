package org.agora.web.security;

import java.security.Principal;

/** The caller of an API request, as its verified access token describes them. */
public final class BearerPrincipal implements Principal {

    private final TokenClaims claims;

    BearerPrincipal(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claims.single("preferred_username").orElse(claims.subject());
    }

    TokenClaims claims() {
        return claims;
    }
}
