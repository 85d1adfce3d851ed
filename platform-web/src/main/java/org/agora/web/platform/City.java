package org.agora.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The city the platform serves, as its header names it (configuration key agora.city-name). */
@Named
@ApplicationScoped
public class City {

    @Inject
    @ConfigProperty(name = "agora.city-name", defaultValue = "Belrive")
    String name;

    public String getName() {
        return name;
    }
}
