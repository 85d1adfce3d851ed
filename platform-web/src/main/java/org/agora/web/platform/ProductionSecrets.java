package org.agora.web.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a production start refuses ({@code agora.mode=production}): a secret left at its published development value,
 * or not set at all. The development defaults make a newcomer's {@code ./platform run} work; in production they would
 * let anyone who read the code sign tokens' clients, open sealed answers or forge unsubscribe links. Each problem
 * names the setting and its environment variable.
 */
public final class ProductionSecrets {

    /** The settings that must be set, each with the development value that must not be used in production. */
    static final Map<String, String> SECRETS = Map.of(
            "agora.oidc.client-secret", "agora-dev-secret",
            "agora.residents.client-secret", "agora-resident-count-dev-secret",
            "agora.accounts.client-secret", "agora-accounts-dev-secret",
            "agora.consultation.sealing-key", "ZGV2ZWxvcG1lbnQgb25seTogbm90IGEgc2VjcmV0ISE=",
            "agora.ballots.sealing-secret", "",
            "agora.notifications.link-secret", "",
            "agora.db.password", "agora");

    private ProductionSecrets() {
    }

    /** The problems of these settings (a setting's value, empty when unset); none when they may go to production. */
    public static List<String> problems(Function<String, Optional<String>> setting) {
        List<String> problems = new ArrayList<>();
        SECRETS.keySet().stream().sorted().forEach(key -> {
            String value = setting.apply(key).map(String::strip).orElse("");
            String variable = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            if (value.isEmpty()) {
                problems.add(key + " is not set (" + variable + ")");
            } else if (value.equals(SECRETS.get(key))) {
                problems.add(key + " is the published development value (" + variable + ")");
            }
        });
        return problems;
    }
}
