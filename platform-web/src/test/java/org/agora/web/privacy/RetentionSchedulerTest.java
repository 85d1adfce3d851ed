package org.agora.web.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.agora.privacy.RetentionPurge;
import org.agora.shared.MessageKey;
import org.junit.jupiter.api.Test;

/**
 * The nightly retention run's decisions, with stand-ins for the domain and Keycloak: off does nothing, a dry run
 * erases nothing, a purge skips staff (and accounts Keycloak cannot vouch for) and those a vote still holds, erases
 * the others and removes their Keycloak accounts.
 */
class RetentionSchedulerTest {

    private static final Instant NOW = Instant.parse("2027-06-01T01:17:00Z");

    private final List<String> erased = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();

    private RetentionScheduler scheduler(String mode) {
        RetentionScheduler scheduler = new RetentionScheduler();
        scheduler.settings = new RetentionSettings();
        scheduler.settings.inactiveDays = 1095;
        scheduler.settings.mode = mode;
        scheduler.retention = new RetentionPurge() {
            @Override
            public List<String> candidates(Instant now, int inactiveDays, int max) {
                return List.of("agent.nord", "voter", "unknown", "alice", "bruno");
            }

            @Override
            public long count(Instant now, int inactiveDays) {
                return 5;
            }

            @Override
            public Optional<MessageKey> purge(String username, Instant now, int inactiveDays) {
                if (username.equals("voter")) {
                    return Optional.of(new MessageKey("privacy.erase.voteOpen", List.of()));
                }
                erased.add(username);
                return Optional.empty();
            }
        };
        scheduler.accounts = new KeycloakAccounts() {
            @Override
            public boolean isStaffOrUnknown(String username) {
                return Map.of("agent.nord", true, "unknown", true).getOrDefault(username, false);
            }

            @Override
            public void remove(String username) {
                removed.add(username);
            }
        };
        return scheduler;
    }

    @Test
    void aPurgeErasesInactiveResidentsOnlyAndRemovesTheirAccounts() {
        assertThat(scheduler("purge").run(NOW)).isEqualTo(2);
        assertThat(erased).containsExactly("alice", "bruno");
        assertThat(removed).containsExactly("alice", "bruno");
    }

    @Test
    void aDryRunOrAnOffRunErasesNothing() {
        assertThat(scheduler("dry-run").run(NOW)).isZero();
        assertThat(scheduler("off").run(NOW)).isZero();
        assertThat(scheduler("anything else").run(NOW)).as("an unknown mode is a dry run").isZero();
        assertThat(erased).isEmpty();
        assertThat(removed).isEmpty();
    }
}
