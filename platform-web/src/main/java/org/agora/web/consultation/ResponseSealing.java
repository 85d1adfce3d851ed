package org.agora.web.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.agora.consultation.ResponseSeal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that seals the responses of anonymous consultations until they close, from the configuration
 * ({@code agora.consultation.sealing-key}, environment AGORA_CONSULTATION_SEALING_KEY): 32 random bytes in base64.
 * It is never stored in the database; docs/operations.md says how to make and keep it.
 */
@ApplicationScoped
public class ResponseSealing {

    /** The key of microprofile-config.properties, published with the code: for a developer's machine only. */
    static final String DEVELOPMENT_KEY = "ZGV2ZWxvcG1lbnQgb25seTogbm90IGEgc2VjcmV0ISE=";

    private static final Logger LOG = Logger.getLogger(ResponseSealing.class.getName());

    @Inject
    @ConfigProperty(name = "agora.consultation.sealing-key")
    String key;

    @Produces
    ResponseSeal seal() {
        if (DEVELOPMENT_KEY.equals(key.strip())) {
            LOG.warning("anonymous consultations are sealed with the development key published with the code:"
                    + " set AGORA_CONSULTATION_SEALING_KEY in production (docs/operations.md)");
        }
        return ResponseSeal.fromBase64(key);
    }
}
