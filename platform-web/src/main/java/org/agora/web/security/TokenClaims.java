package org.agora.web.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a Keycloak token that was already verified (by {@link BearerTokens} for API calls, by the
 * OpenID Connect mechanism for browsers), read the same way for both.
 */
final class TokenClaims {

    private final JWTClaimsSet claims;

    TokenClaims(JWTClaimsSet claims) {
        this.claims = claims;
    }

    /** Reads an already verified token; a token that cannot even be parsed has no claims. */
    static TokenClaims ofVerified(String token) {
        try {
            return new TokenClaims(JWTParser.parse(token).getJWTClaimsSet());
        } catch (ParseException e) {
            return new TokenClaims(new JWTClaimsSet.Builder().build());
        }
    }

    Optional<String> single(String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name));
        } catch (ParseException e) {
            return list(name).stream().findFirst();
        }
    }

    List<String> list(String name) {
        try {
            List<String> values = claims.getStringListClaim(name);
            return values == null ? List.of() : values;
        } catch (ParseException e) {
            return single(name).map(List::of).orElse(List.of());
        }
    }

    String subject() {
        return claims.getSubject();
    }
}
