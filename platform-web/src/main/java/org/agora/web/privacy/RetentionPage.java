package org.agora.web.privacy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import org.agora.privacy.RetentionPurge;
import org.agora.shared.NotAllowedException;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * The retention page for the office ({@code /participation/manage/retention.xhtml}): the setting and the dry run,
 * how many accounts the nightly run would erase now. A district agent gets a 403.
 */
@Named
@RequestScoped
public class RetentionPage {

    @Inject
    RetentionPurge retention;

    @Inject
    RetentionSettings settings;

    @Inject
    CurrentUser currentUser;

    private RetentionPurge.Plan plan;

    public void load() {
        try {
            plan = retention.plan(currentUser.actor(), Instant.now(), settings.inactiveDays());
        } catch (NotAllowedException e) {
            Pages.forbidden();
        }
    }

    public RetentionPurge.Plan getPlan() {
        return plan;
    }

    public int getInactiveDays() {
        return settings.inactiveDays();
    }

    public String getMode() {
        return settings.mode().name();
    }
}
