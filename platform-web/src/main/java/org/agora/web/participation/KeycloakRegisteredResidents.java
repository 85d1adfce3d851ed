package org.agora.web.participation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import org.agora.participation.RegisteredResidents;
import org.agora.participation.ResidentDirectory;
import org.agora.shared.DistrictCode;
import org.agora.web.security.OidcSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registered residents as Keycloak counts them, and its accounts as a town-hall desk looks them up, through the
 * service account {@code agora-resident-count} (see {@link KeycloakResidentCounter}). Keycloak's address and realm default to those of
 * {@code agora.oidc.provider-uri}; {@code agora.residents.*} keys override them and set the client, the timeout and
 * how long a count is kept.
 */
@ApplicationScoped
public class KeycloakRegisteredResidents implements RegisteredResidents, ResidentDirectory {

    @Inject
    OidcSettings oidc;

    @Inject
    @ConfigProperty(name = "agora.residents.keycloak-url")
    Optional<String> keycloakUrl;

    @Inject
    @ConfigProperty(name = "agora.residents.realm")
    Optional<String> realm;

    @Inject
    @ConfigProperty(name = "agora.residents.client-id", defaultValue = "agora-resident-count")
    String clientId;

    @Inject
    @ConfigProperty(name = "agora.residents.client-secret", defaultValue = "agora-resident-count-dev-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "agora.residents.timeout-millis", defaultValue = "2000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "agora.residents.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    /**
     * Threads of its own for the calls to Keycloak, which need no container service. Not the managed executor: its
     * tasks carry the page's invocation, and Payara closes the page's entity managers when such a task ends, while
     * the page is still rendering.
     */
    private ExecutorService executor;

    private KeycloakResidentCounter counter;

    @PostConstruct
    void init() {
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "agora-resident-count");
            thread.setDaemon(true);
            thread.setContextClassLoader(KeycloakRegisteredResidents.class.getClassLoader());
            return thread;
        });
        // "http://host:8180/realms/agora" -> "http://host:8180" and "agora"
        String provider = oidc.getProviderUri().replaceAll("/+$", "");
        int realms = provider.lastIndexOf("/realms/");
        String base = keycloakUrl.orElseGet(() -> realms < 0 ? provider : provider.substring(0, realms));
        String name = realm.orElseGet(() -> realms < 0 ? "agora" : provider.substring(realms + "/realms/".length()));
        counter = new KeycloakResidentCounter(URI.create(base), name, clientId, clientSecret,
                Duration.ofMillis(timeoutMillis), Duration.ofSeconds(cacheSeconds), InstantSource.system(), executor);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    @Override
    public Optional<Long> inDistrict(DistrictCode district) {
        return counter.inDistrict(district);
    }

    @Override
    public List<Account> search(String text, int max) {
        return counter.search(text, max);
    }

    @Override
    public Optional<Account> find(String username) {
        return counter.find(username);
    }
}
