package org.agora.web.moderation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.agora.moderation.AuditAction;
import org.agora.moderation.AuditEntry;
import org.agora.moderation.AuditLog;
import org.agora.shared.DistrictCode;
import org.agora.web.platform.CityTime;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/** The office reads the audit log ({@code /moderation/audit.xhtml}), newest first, filtered by actor, act and kind. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    /** One line; plain texts, escaped by the page. */
    public static final class Line implements Serializable {
        private final String at;
        private final String actor;
        private final String action;
        private final String subject;
        private final String district;
        private final String reason;
        private final String change;

        Line(AuditEntry e, Locale locale) {
            this.at = CityTime.dateTime(e.getActedAt(), locale);
            this.actor = e.getActor();
            this.action = Texts.format(locale, "moderation.audit.action." + e.getAction().name());
            this.subject = e.getSubjectKind() + " " + e.getSubject();
            this.district = e.getDistrict().map(DistrictCode::value).orElse("");
            this.reason = e.getReason().orElse("");
            this.change = e.getBefore().orElse("") + " → " + e.getAfter().orElse("");
        }

        public String getAt() {
            return at;
        }

        public String getActor() {
            return actor;
        }

        public String getAction() {
            return action;
        }

        public String getSubject() {
            return subject;
        }

        public String getDistrict() {
            return district;
        }

        public String getReason() {
            return reason;
        }

        public String getChange() {
            return change;
        }
    }

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser currentUser;

    private String actor;
    private AuditAction action;
    private String kind;
    private transient List<Line> lines;

    public void filter() {
        lines = null;
    }

    public List<Line> getLines() {
        if (lines == null) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            lines = audit.read(currentUser.actor(), new AuditLog.Filter(Optional.ofNullable(actor), Optional.ofNullable(action),
                    Optional.ofNullable(kind), Optional.empty(), Optional.empty())).stream()
                    .map(e -> new Line(e, locale)).toList();
        }
        return lines;
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor == null || actor.isBlank() ? null : actor.strip();
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind == null || kind.isBlank() ? null : kind.strip();
    }
}
