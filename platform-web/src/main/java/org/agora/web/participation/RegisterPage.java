package org.agora.web.participation;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.participation.RegisterPermissions;
import org.agora.participation.Resident;
import org.agora.participation.ResidentChange;
import org.agora.participation.ResidentRegister;
import org.agora.shared.DistrictCode;
import org.agora.shared.InvalidInputException;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.FacesActions;
import org.agora.web.platform.FacesFeedback;
import org.agora.web.platform.Pages;
import org.agora.web.security.CurrentUser;

/**
 * The register of residents for town-hall staff ({@code /participation/manage/register.xhtml}): find a person, see their entry and
 * its trace, move them to another district or correct their year of birth from their papers, with the reason.
 */
@Named
@ViewScoped
public class RegisterPage implements Serializable {

    @Inject
    ResidentRegister register;

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    @Inject
    org.agora.web.platform.Language language;

    private String query;
    private List<RegisterRow> found = List.of();
    private Long chosen;
    private String shownName;
    private String account;
    private String district;
    private Integer birthYear;
    private List<Change> changes = List.of();
    private List<SelectItem> districts;

    private String newDistrict;
    private Integer newBirthYear;
    private String reason;

    /** One line of an entry's trace, as the page shows it. */
    public record Change(String when, String by, String field, String before, String after, String reason)
            implements Serializable {
    }

    public void load() {
        if (!RegisterPermissions.canSearch(currentUser.actor())) {
            Pages.forbidden();
            return;
        }
        districts = territory.districts().stream().map(d -> new SelectItem(d.getCode().value(), d.getName())).toList();
    }

    public void search() {
        FacesActions.runInPlace("find", () -> {
            chosen = null;
            found = register.search(currentUser.actor(), query).stream()
                    .map(e -> RegisterRow.of(e, false, language.getCurrent())).toList();
            if (found.isEmpty()) {
                FacesFeedback.doneInPlace("participation.register.nobody");
            }
        });
    }

    /** Chooses a person found: one on the register, or an account, enlisted now as it is. */
    public void choose(String key) {
        FacesActions.runInPlace("find", () -> {
            RegisterRow row = found.stream().filter(r -> r.getKey().equals(key)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("query", "budget.desk.searchAgain"));
            Resident resident = row.getAccount() != null
                    ? register.enlistAccount(currentUser.actor(), row.getAccount(), Instant.now())
                    : register.get(row.residentId().orElseThrow());
            show(resident);
        });
    }

    public void move() {
        FacesActions.runInPlace("change", () -> {
            DistrictCode to = newDistrict == null || newDistrict.isBlank() ? null : new DistrictCode(newDistrict);
            if (to == null) {
                throw new InvalidInputException("district", "participation.register.districtNeeded");
            }
            register.move(currentUser.actor(), chosen, to, reason, Instant.now());
            FacesFeedback.doneInPlace("participation.register.moved", shownName);
            found = List.of(); // what the search showed is out of date
            show(register.get(chosen));
        });
    }

    public void correctBirthYear() {
        FacesActions.runInPlace("change", () -> {
            if (newBirthYear == null) {
                throw new InvalidInputException("birthYear", "participation.register.birthYearImpossible");
            }
            register.correctBirthYear(currentUser.actor(), chosen, newBirthYear, reason, Instant.now());
            FacesFeedback.doneInPlace("participation.register.corrected", shownName);
            found = List.of();
            show(register.get(chosen));
        });
    }

    private void show(Resident resident) {
        chosen = resident.getId();
        shownName = resident.getShownName();
        account = resident.getAccount().orElse(null);
        district = resident.getDistrict().map(DistrictCode::value).orElse(null);
        birthYear = resident.getBirthYear().orElse(null);
        newDistrict = district;
        newBirthYear = birthYear;
        reason = null;
        changes = RegisterPermissions.whyNotChange(currentUser.actor(), resident, Optional.empty()).isPresent()
                ? List.of() : register.changes(currentUser.actor(), chosen).stream().map(RegisterPage::change).toList();
    }

    private static Change change(ResidentChange c) {
        return new Change(c.getChangedAt().atZone(org.agora.shared.Period.CITY_ZONE)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), c.getChangedBy(),
                c.getField().name(), c.getBefore().orElse("—"), c.getAfter().orElse("—"), c.getReason());
    }

    public boolean isChosen() {
        return chosen != null;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<RegisterRow> getFound() {
        return found;
    }

    public String getShownName() {
        return shownName;
    }

    public String getAccount() {
        return account;
    }

    public String getDistrict() {
        return district;
    }

    public Integer getBirthYear() {
        return birthYear;
    }

    public List<Change> getChanges() {
        return changes;
    }

    public List<SelectItem> getDistricts() {
        return districts;
    }

    public String getNewDistrict() {
        return newDistrict;
    }

    public void setNewDistrict(String newDistrict) {
        this.newDistrict = newDistrict;
    }

    public Integer getNewBirthYear() {
        return newBirthYear;
    }

    public void setNewBirthYear(Integer newBirthYear) {
        this.newBirthYear = newBirthYear;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
