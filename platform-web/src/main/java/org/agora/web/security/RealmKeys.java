package org.agora.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.logging.Logger;

/**
 * The realm's published signing keys, fetched from Keycloak and cached (refreshed when Keycloak rotates them), for
 * every token the application verifies itself: the API's access tokens ({@link BearerTokens}) and Keycloak's logout
 * tokens ({@link LogoutTokens}).
 */
@ApplicationScoped
public class RealmKeys {

    private static final Logger LOG = Logger.getLogger(RealmKeys.class.getName());

    /** How long the realm's keys fetched last are used while Keycloak does not answer. */
    static final java.time.Duration OUTAGE_TOLERANCE = java.time.Duration.ofHours(24);

    @Inject
    OidcSettings settings;

    private JWKSource<SecurityContext> source;

    @PostConstruct
    void init() {
        try {
            source = JWKSourceBuilder
                    .create(URI.create(settings.getJwksUri()).toURL())
                    .retrying(true)
                    // Keycloak down (restarting, failing over): the keys fetched last keep verifying tokens for a day
                    // rather than the cache's five minutes, so API calls with valid tokens go on (bench/faults)
                    .outageTolerant(OUTAGE_TOLERANCE.toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Bad OIDC provider URI " + settings.getProviderUri(), e);
        }
    }

    /**
     * Fetches the realm's keys as the application starts, so that an instance that has not verified a token yet
     * still verifies them if Keycloak goes down (an instance started while Keycloak is down verifies none until it
     * is back).
     */
    void fetchAtStart(@jakarta.enterprise.event.Observes
                      @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object start) {
        try {
            source.get(new com.nimbusds.jose.jwk.JWKSelector(new com.nimbusds.jose.jwk.JWKMatcher.Builder().build()), null);
        } catch (com.nimbusds.jose.KeySourceException | RuntimeException e) {
            LOG.warning(() -> "The realm's keys could not be fetched at start (" + e.getMessage() + "): tokens are"
                    + " verified once Keycloak answers");
        }
    }

    JWKSource<SecurityContext> source() {
        return source;
    }

    /** A processor of tokens signed by the realm (RS256, its keys); the caller adds the claims it requires. */
    DefaultJWTProcessor<SecurityContext> signedByTheRealm() {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source()));
        return processor;
    }
}
