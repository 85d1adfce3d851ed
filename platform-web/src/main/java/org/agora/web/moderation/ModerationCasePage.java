package org.agora.web.moderation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ModeratedItem;
import org.agora.moderation.ModerationService;
import org.agora.shared.NotAllowedException;
import org.agora.shared.NotFoundException;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/**
 * One moderation case ({@code /moderation/case.xhtml?id=}): the item in its context (excerpt, author, a link to its
 * page), its reports, and the decisions: keep, hide with a public reason, restore, reject a budget proposal. 404 for
 * an unknown case, 403 for a case of a district the agent does not serve.
 */
@Named
@ViewScoped
public class ModerationCasePage implements Serializable {

    /** One report as the page shows it; plain texts, escaped by the page. */
    public static final class ReportRow implements Serializable {
        private final String reporter;
        private final String reason;
        private final String details;
        private final String when;
        private final String status;

        ReportRow(String reporter, String reason, String details, String when, String status) {
            this.reporter = reporter;
            this.reason = reason;
            this.details = details;
            this.when = when;
            this.status = status;
        }

        public String getReporter() {
            return reporter;
        }

        public String getReason() {
            return reason;
        }

        public String getDetails() {
            return details;
        }

        public String getWhen() {
            return when;
        }

        public String getStatus() {
            return status;
        }
    }

    static final String FORM = "decision";

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    private Long id;
    private String reason;
    private CaseRow row;
    private List<ReportRow> reports;
    private String itemText;
    private String itemPath;
    private boolean itemGone;
    private boolean proposal;

    public void load() {
        if (id == null) {
            Pages.notFound();
            return;
        }
        try {
            read();
        } catch (NotFoundException e) {
            Pages.notFound();
        } catch (NotAllowedException e) {
            Pages.forbidden();
        }
    }

    private void read() {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        ModerationService.CaseFile file = moderation.caseFile(currentUser.actor(), id);
        row = new CaseRow(file.moderationCase(), locale);
        reports = file.reports().stream().map(r -> new ReportRow(r.getReporter(),
                Texts.format(locale, "moderation.reason." + r.getReason().name()), r.getDetails().orElse(null),
                CityTime.dateTime(r.getReportedAt(), locale),
                Texts.format(locale, "moderation.reportStatus." + r.getStatus().name()))).toList();
        itemGone = file.item().isEmpty();
        itemText = file.item().map(ModeratedItem::excerpt).orElse(null);
        itemPath = file.item().map(ModeratedItem::path).orElse(null);
        proposal = file.moderationCase().getItem().kind() == ItemKind.BUDGET_PROJECT;
    }

    public void keep() {
        decide(() -> moderation.keep(currentUser.actor(), id, reason, Instant.now()), "moderation.decided.keep");
    }

    public void hide() {
        decide(() -> moderation.hide(currentUser.actor(), id, reason, Instant.now()), "moderation.decided.hide");
    }

    public void restore() {
        decide(() -> moderation.restore(currentUser.actor(), id, reason, Instant.now()), "moderation.decided.restore");
    }

    public void reject() {
        decide(() -> moderation.reject(currentUser.actor(), id, reason, Instant.now()), "moderation.decided.reject");
    }

    private void decide(Runnable decision, String done) {
        if (FacesActions.runInPlace(FORM, decision)) {
            FacesFeedback.done(done);
            reason = null;
            read();
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CaseRow getCase() {
        return row;
    }

    public List<ReportRow> getReports() {
        return reports;
    }

    /** The item's plain text now (it may have changed since the first report). */
    public String getItemText() {
        return itemText;
    }

    /** The item's page, relative to the application; null once it is gone. */
    public String getItemPath() {
        return itemPath;
    }

    public boolean isItemGone() {
        return itemGone;
    }

    public boolean isProposal() {
        return proposal;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
