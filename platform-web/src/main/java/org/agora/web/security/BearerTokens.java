package org.agora.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the Keycloak access tokens the REST API receives as {@code Authorization: Bearer}: signature by the
 * realm's published keys ({@link RealmKeys}), issuer, expiry, the client the token was
 * issued to, and that it is an access token (an ID token of the same sign-in is refused).
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());

    /** The {@code typ} claim of Keycloak's access tokens (its ID tokens say {@code ID}, refresh tokens {@code Refresh}). */
    static final String ACCESS_TOKEN = "Bearer";

    @Inject
    OidcSettings settings;

    @Inject
    RealmKeys keys;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        processor = keys.signedByTheRealm();
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(settings.getProviderUri()).build(),
                Set.of("sub", "exp", "iat", "azp")));
    }

    /** The verified claims, or empty when the token is not one this application accepts. */
    public Optional<JWTClaimsSet> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            if (!settings.getApiClients().contains(claims.getStringClaim("azp"))) {
                return Optional.empty();
            }
            if (!ACCESS_TOKEN.equals(claims.getStringClaim("typ"))) {
                return Optional.empty(); // an ID or refresh token of the same realm and client: not a key to the API
            }
            return Optional.of(claims);
        } catch (ParseException | BadJOSEException e) {
            LOG.fine(() -> "Refused bearer token: " + e.getMessage());
            return Optional.empty();
        } catch (JOSEException e) {
            LOG.log(Level.WARNING, "Cannot verify bearer tokens (keys unavailable?)", e);
            return Optional.empty();
        }
    }
}
