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

    /** A whole-number claim, sent as a number or as a string; empty when absent or not a number. */
    Optional<Integer> number(String name) {
        Object value = claims.getClaim(name);
        if (value instanceof Number n) {
            return Optional.of(n.intValue());
        }
        try {
            return value == null ? Optional.empty() : Optional.of(Integer.valueOf(value.toString().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
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
