package org.agora.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Keycloak is and who the application is to it, from MicroProfile Config (environment variables
 * AGORA_OIDC_PROVIDER_URI, AGORA_OIDC_CLIENT_ID, AGORA_OIDC_CLIENT_SECRET). Defaults fit the dev realm.
 */
@Named("agoraOidc")
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "agora.oidc.provider-uri", defaultValue = "http://127.0.0.1:8180/realms/agora")
    String providerUri;

    @Inject
    @ConfigProperty(name = "agora.oidc.client-id", defaultValue = "agora-web")
    String clientId;

    @Inject
    @ConfigProperty(name = "agora.oidc.client-secret", defaultValue = "agora-dev-secret")
    String clientSecret;

    /** Clients whose access tokens the API accepts (their {@code azp} claim). */
    @Inject
    @ConfigProperty(name = "agora.api.token-clients", defaultValue = "agora-web")
    Set<String> apiClients;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public Set<String> getApiClients() {
        return apiClients;
    }

    public String getJwksUri() {
        return providerUri + "/protocol/openid-connect/certs";
    }

    public String getEndSessionUri() {
        return providerUri + "/protocol/openid-connect/logout";
    }
}
