package org.agora.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Only Keycloak's logout token for this application ends a session: signed by the realm's key, issued by the realm,
 * for this client, with the back-channel logout event and a session id, and no nonce. Each other token, however
 * close (an identity token of the same realm, another client's, another signer's), ends nothing.
 */
class LogoutTokensTest {

    private static final String REALM = "http://127.0.0.1:8180/realms/agora";
    private static RSAKey realmKey;
    private static RSAKey otherKey;
    private static LogoutTokens tokens;

    @BeforeAll
    static void realm() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("realm").generate();
        OidcSettings settings = new OidcSettings();
        settings.providerUri = REALM;
        settings.clientId = "agora-web";
        JWKSource<SecurityContext> published = new ImmutableJWKSet<>(new JWKSet(realmKey.toPublicJWK()));
        tokens = new LogoutTokens();
        tokens.settings = settings;
        tokens.keys = new RealmKeys() {
            @Override
            JWKSource<SecurityContext> source() {
                return published;
            }
        };
        tokens.init();
    }

    /** Keycloak's logout token for session s-1, changed by {@code change}, signed by {@code key}. */
    private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(REALM).audience("agora-web")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString()).subject("f1e2").claim("sid", "s-1").claim("typ", "Logout")
                .claim("events", Map.of(LogoutTokens.EVENT, Map.of()));
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), change.apply(claims).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void keycloaksLogoutTokenNamesTheEndedSession() throws Exception {
        assertThat(tokens.endedSession(token(realmKey, c -> c))).contains("s-1");
    }

    @Test
    void aTokenSignedByAnotherKeyEndsNothing() throws Exception {
        assertThat(tokens.endedSession(token(otherKey, c -> c))).isEmpty();
    }

    @Test
    void anIdentityTokenOfTheSameSessionEndsNothing() throws Exception {
        assertThat(tokens.endedSession(token(realmKey, c -> c.claim("events", null).claim("typ", "ID")
                .claim("nonce", "n-0S6")))).isEmpty();
        assertThat(tokens.endedSession(token(realmKey, c -> c.claim("nonce", "n-0S6")))).as("with the event, a nonce")
                .isEmpty();
        assertThat(tokens.endedSession(token(realmKey, c -> c.claim("events", Map.of("other", Map.of())))))
                .as("another event").isEmpty();
    }

    @Test
    void aTokenForAnotherClientOrFromAnotherIssuerEndsNothing() throws Exception {
        assertThat(tokens.endedSession(token(realmKey, c -> c.audience("another-app")))).isEmpty();
        assertThat(tokens.endedSession(token(realmKey, c -> c.issuer("http://127.0.0.1:8180/realms/other")))).isEmpty();
    }

    @Test
    void aTokenWithoutASessionOrExpiredEndsNothing() throws Exception {
        assertThat(tokens.endedSession(token(realmKey, c -> c.claim("sid", null)))).isEmpty();
        assertThat(tokens.endedSession(token(realmKey, c -> c.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3000)))))).isEmpty();
    }

    @Test
    void noTokenOrGarbageEndsNothing() {
        assertThat(tokens.endedSession(null)).isEmpty();
        assertThat(tokens.endedSession("")).isEmpty();
        assertThat(tokens.endedSession("a.b.c")).isEmpty();
        assertThat(tokens.endedSession("eyJhbGciOiJub25lIn0.eyJzaWQiOiJzLTEifQ.")).as("unsigned").isEmpty();
    }
}
