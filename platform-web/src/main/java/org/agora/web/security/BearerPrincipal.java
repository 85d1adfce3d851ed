package org.agora.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.Principal;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/** The caller of an API request, as its verified access token describes them. */
public final class BearerPrincipal implements Principal {

    private final JWTClaimsSet claims;

    BearerPrincipal(JWTClaimsSet claims) {
        this.claims = claims;
    }

    @Override
    public String getName() {
        return claim("preferred_username").orElse(claims.getSubject());
    }

    Optional<String> claim(String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    List<String> listClaim(String name) {
        try {
            List<String> values = claims.getStringListClaim(name);
            return values == null ? List.of() : values;
        } catch (ParseException e) {
            return claim(name).map(List::of).orElse(List.of());
        }
    }
}
