package org.agora.web.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention of inactive accounts: after how many days without a visit an account's data are erased
 * ({@code agora.retention.inactive-days}, three years by default), and what the daily run does
 * ({@code agora.retention.mode}: {@code off}, {@code dry-run} (the default: it only logs how many accounts it would
 * erase) or {@code purge}).
 */
@ApplicationScoped
public class RetentionSettings {

    public enum Mode { OFF, DRY_RUN, PURGE }

    @Inject
    @ConfigProperty(name = "agora.retention.inactive-days", defaultValue = "1095")
    int inactiveDays;

    @Inject
    @ConfigProperty(name = "agora.retention.mode", defaultValue = "dry-run")
    String mode;

    public int inactiveDays() {
        return Math.max(1, inactiveDays);
    }

    public Mode mode() {
        return switch (mode.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "off" -> Mode.OFF;
            case "purge" -> Mode.PURGE;
            default -> Mode.DRY_RUN;
        };
    }
}
