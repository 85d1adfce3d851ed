package org.agora.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the Keycloak access tokens the REST API receives as {@code Authorization: Bearer}: signature by the
 * realm's published keys (cached, refreshed when Keycloak rotates them), issuer, expiry, the client the token was
 * issued to, and that it is an access token (an ID token of the same sign-in is refused).
 */
@ApplicationScoped
public class BearerTokens {

    private static final Logger LOG = Logger.getLogger(BearerTokens.class.getName());

    /** The {@code typ} claim of Keycloak's access tokens (its ID tokens say {@code ID}, refresh tokens {@code Refresh}). */
    static final String ACCESS_TOKEN = "Bearer";

    @Inject
    OidcSettings settings;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(URI.create(settings.getJwksUri()).toURL())
                    .retrying(true)
                    .build();
            processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    new JWTClaimsSet.Builder().issuer(settings.getProviderUri()).build(),
                    Set.of("sub", "exp", "iat", "azp")));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad OIDC provider URI " + settings.getProviderUri(), e);
        }
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
