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

    /** How long the realm's keys fetched last are used while Keycloak does not answer. */
    static final java.time.Duration OUTAGE_TOLERANCE = java.time.Duration.ofHours(24);

    private DefaultJWTProcessor<SecurityContext> processor;
    private JWKSource<SecurityContext> keys;

    /**
     * Fetches the realm's keys as the application starts, so that an instance that has not verified a token yet
     * still verifies them if Keycloak goes down (an instance started while Keycloak is down verifies none until it
     * is back).
     */
    void fetchKeysAtStart(@jakarta.enterprise.event.Observes
                          @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object start) {
        try {
            keys.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null);
        } catch (com.nimbusds.jose.KeySourceException | RuntimeException e) {
            LOG.warning(() -> "The realm's keys could not be fetched at start (" + e.getMessage() + "): API tokens are"
                    + " verified once Keycloak answers");
        }
    }

    @PostConstruct
    void init() {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder
                    .create(URI.create(settings.getJwksUri()).toURL())
                    .retrying(true)
                    // Keycloak down (restarting, failing over): the keys fetched last keep verifying tokens for a day
                    // rather than the cache's five minutes, so API calls with valid tokens go on (bench/faults)
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .build();
            this.keys = keys;
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
