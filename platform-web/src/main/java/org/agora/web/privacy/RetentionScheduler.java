package org.agora.web.privacy;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.agora.privacy.RetentionPurge;

/**
 * Every night, the retention of inactive accounts ({@link RetentionSettings}): in dry-run mode, logs how many
 * accounts it would erase; in purge mode, erases them a batch at a time (a staff account, or one Keycloak cannot
 * vouch for, is skipped), then removes their Keycloak accounts. Several instances may run it: erasing twice finds
 * nothing the second time.
 */
@Singleton
public class RetentionScheduler {

    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class.getName());
    static final int BATCH = 200;

    @Inject
    RetentionSettings settings;

    @Inject
    RetentionPurge retention;

    @Inject
    KeycloakAccounts accounts;

    @Schedule(hour = "3", minute = "17", persistent = false)
    void nightly() {
        run(Instant.now());
    }

    /** One run; returns how many accounts were erased. */
    int run(Instant now) {
        int days = settings.inactiveDays();
        switch (settings.mode()) {
            case OFF -> {
                return 0;
            }
            case DRY_RUN -> {
                LOG.log(Level.INFO, "Retention (dry run): {0} accounts inactive for {1} days would be erased",
                        new Object[] {retention.count(now, days), days});
                return 0;
            }
            default -> {
                int erased = 0;
                for (String username : retention.candidates(now, days, BATCH)) {
                    if (accounts.isStaffOrUnknown(username) || retention.purge(username, now, days).isPresent()) {
                        continue;
                    }
                    erased++;
                    try {
                        accounts.remove(username);
                    } catch (KeycloakAccounts.AccountRemovalFailed e) {
                        LOG.log(Level.WARNING, "Retention: data erased, Keycloak account left: {0}", e.getMessage());
                    }
                }
                LOG.log(Level.INFO, "Retention: {0} inactive accounts erased", erased);
                return erased;
            }
        }
    }
}
