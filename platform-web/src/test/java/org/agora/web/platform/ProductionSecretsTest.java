package org.agora.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static Map<String, String> real() {
        Map<String, String> settings = new HashMap<>();
        ProductionSecrets.SECRETS.keySet().forEach(key -> settings.put(key, "a-real-" + key.length() + "-secret"));
        return settings;
    }

    @Test
    void realSecretsEverywhereGoToProduction() {
        Map<String, String> settings = real();
        assertThat(ProductionSecrets.problems(key -> Optional.ofNullable(settings.get(key)))).isEmpty();
    }

    @Test
    void theDevelopmentDefaultsOfARunOnTheLaptopAreRefusedOneByOne() {
        Map<String, String> settings = real();
        settings.put("agora.oidc.client-secret", "agora-dev-secret");
        settings.put("agora.consultation.sealing-key", " ZGV2ZWxvcG1lbnQgb25seTogbm90IGEgc2VjcmV0ISE= ");
        settings.remove("agora.ballots.sealing-secret");
        settings.put("agora.notifications.link-secret", "  ");
        assertThat(ProductionSecrets.problems(key -> Optional.ofNullable(settings.get(key)))).containsExactly(
                "agora.ballots.sealing-secret is not set (AGORA_BALLOTS_SEALING_SECRET)",
                "agora.consultation.sealing-key is the published development value (AGORA_CONSULTATION_SEALING_KEY)",
                "agora.notifications.link-secret is not set (AGORA_NOTIFICATIONS_LINK_SECRET)",
                "agora.oidc.client-secret is the published development value (AGORA_OIDC_CLIENT_SECRET)");
    }
}
