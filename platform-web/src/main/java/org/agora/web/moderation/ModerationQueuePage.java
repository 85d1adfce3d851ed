package org.agora.web.moderation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.agora.moderation.CaseState;
import org.agora.moderation.ItemKind;
import org.agora.moderation.ModerationService;
import org.agora.moderation.ReportReason;
import org.agora.shared.DistrictCode;
import org.agora.web.security.CurrentUser;

/**
 * The moderation queue ({@code /moderation/queue.xhtml}): the cases awaiting a decision (or in the state chosen),
 * filtered by kind, district and reason; moderators see every district, district agents theirs (the service decides).
 */
@Named
@ViewScoped
public class ModerationQueuePage implements Serializable {

    @Inject
    ModerationService moderation;

    @Inject
    CurrentUser currentUser;

    private ItemKind kind;
    private String district;
    private ReportReason reason;
    private CaseState state;
    private transient List<CaseRow> cases;

    public void filter() {
        cases = null;
    }

    public List<CaseRow> getCases() {
        if (cases == null) {
            Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
            ModerationService.QueueFilter filter = new ModerationService.QueueFilter(Optional.ofNullable(kind),
                    Optional.ofNullable(district).flatMap(DistrictCode::parse), Optional.ofNullable(reason),
                    Optional.ofNullable(state));
            cases = moderation.queue(currentUser.actor(), filter).stream().map(c -> new CaseRow(c, locale)).toList();
        }
        return cases;
    }

    public ItemKind[] getKinds() {
        return ItemKind.values();
    }

    public ReportReason[] getReasons() {
        return ReportReason.values();
    }

    public CaseState[] getStates() {
        return CaseState.values();
    }

    public ItemKind getKind() {
        return kind;
    }

    public void setKind(ItemKind kind) {
        this.kind = kind;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district == null || district.isBlank() ? null : district.strip();
    }

    public ReportReason getReason() {
        return reason;
    }

    public void setReason(ReportReason reason) {
        this.reason = reason;
    }

    public CaseState getState() {
        return state;
    }

    public void setState(CaseState state) {
        this.state = state;
    }
}
