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
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Verifies the logout tokens Keycloak posts to the platform when a session ends on its side (OpenID Connect
 * Back-Channel Logout 1.0, section 2.6): signed by the realm's keys, issued by the realm, meant for this
 * application's client, carrying the back-channel logout event and the ended session's id, and no nonce (which
 * would make it an identity token). Its one use: the id of the session that ended.
 */
@ApplicationScoped
public class LogoutTokens {

    private static final Logger LOG = Logger.getLogger(LogoutTokens.class.getName());

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    @Inject
    OidcSettings settings;

    @Inject
    RealmKeys keys;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void init() {
        processor = keys.signedByTheRealm();
        // Keycloak's logout tokens say typ "logout+jwt" in their header (the specification's recommendation) or plain
        // JWT: either is taken, the claims decide
        processor.setJWSTypeVerifier((type, context) -> { });
        // (sets that may be asked whether they hold null: Set.of would throw)
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(Set.of(settings.getClientId())),
                new JWTClaimsSet.Builder().issuer(settings.getProviderUri()).build(),
                new HashSet<>(Set.of("iat", "jti", "events", "sid")), new HashSet<>(Set.of("nonce"))));
    }

    /** The id of the Keycloak session the token says ended, or empty when it is not a logout token for us. */
    public Optional<String> endedSession(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (events == null || !events.containsKey(EVENT)) {
                return Optional.empty();
            }
            return Optional.ofNullable(claims.getStringClaim("sid")).filter(sid -> !sid.isBlank());
        } catch (ParseException | BadJOSEException e) {
            LOG.fine(() -> "Refused logout token: " + e.getMessage());
            return Optional.empty();
        } catch (JOSEException e) {
            LOG.log(Level.WARNING, "Cannot verify logout tokens (keys unavailable?)", e);
            return Optional.empty();
        }
    }
}
