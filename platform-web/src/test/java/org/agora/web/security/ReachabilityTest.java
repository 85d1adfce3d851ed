package org.agora.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Keycloak's reachability, asked once per period, and the page a new sign-in gets while Keycloak is away. */
class ReachabilityTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T22:00:00Z"));
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final Reachability keycloak = new Reachability(Duration.ofSeconds(5), () -> {
        probes.incrementAndGet();
        return up.get();
    }, clock);

    @Test
    void aBurstOfSignInsCostsOneProbe() {
        for (int i = 0; i < 100; i++) {
            assertTrue(keycloak.reachable());
        }
        assertEquals(1, probes.get());
    }

    @Test
    void anOutageIsSeenAtTheLatestOnePeriodLaterAndSoIsTheReturn() {
        assertTrue(keycloak.reachable());
        up.set(false);
        clock.advance(Duration.ofSeconds(4));
        assertTrue(keycloak.reachable(), "remembered for five seconds");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(keycloak.reachable());
        up.set(true);
        clock.advance(Duration.ofSeconds(5));
        assertTrue(keycloak.reachable());
        assertEquals(3, probes.get());
    }

    @Test
    void theUnavailablePageIsTranslatedAndEscaped() {
        String fr = SignInUnavailable.html(Locale.FRENCH, "");
        String en = SignInUnavailable.html(Locale.ENGLISH, "/agora");
        assertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("La connexion est momentanément indisponible"), fr);
        assertTrue(fr.contains("Retour à l'accueil"), fr);
        assertTrue(en.contains("<html lang=\"en\">") && en.contains("Sign-in is unavailable for the moment"), en);
        assertTrue(en.contains("href=\"/agora/\""), en);
    }
}
