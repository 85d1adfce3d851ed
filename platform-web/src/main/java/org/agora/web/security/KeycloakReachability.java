package org.agora.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether Keycloak answers (its discovery document: a connection refused or not made within a second, or a 5xx, is
 * "down"; an answer slower than two seconds is not), asked at most every five seconds: before a
 * browser is sent to Keycloak's login page, so that a visitor meets a clear message from the platform rather than
 * their browser's "cannot connect" when Keycloak is down (bench/faults, the keycloak drill).
 */
@ApplicationScoped
public class KeycloakReachability {

    private static final Logger LOG = Logger.getLogger(KeycloakReachability.class.getName());
    private static final Duration REMEMBERED = Duration.ofSeconds(5);

    @Inject
    OidcSettings oidc;

    private HttpClient client;
    private Reachability reachability;
    private volatile boolean lastSeen = true;

    @PostConstruct
    void start() {
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        reachability = new Reachability(REMEMBERED, this::probe, Clock.systemUTC());
    }

    public boolean reachable() {
        return reachability.reachable();
    }

    private boolean probe() {
        boolean answers;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(oidc.getProviderUri()
                    + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).GET().build();
            answers = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
        } catch (java.net.http.HttpConnectTimeoutException e) {
            answers = false;
        } catch (java.net.http.HttpTimeoutException e) {
            // connected but slow to answer (a loaded Keycloak): down is what refuses or drops connections; a slow
            // Keycloak still gets its visitors, rather than a false "unavailable" page
            answers = true;
        } catch (IOException | RuntimeException e) {
            answers = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answers = false;
        }
        if (answers != lastSeen) {
            LOG.log(answers ? Level.INFO : Level.WARNING, answers ? "Keycloak answers again: sign-in is open"
                    : "Keycloak does not answer ({0}): new sign-ins get the sign-in-unavailable page",
                    oidc.getProviderUri());
            lastSeen = answers;
        }
        return answers;
    }
}
