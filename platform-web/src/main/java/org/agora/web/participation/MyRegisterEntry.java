package org.agora.web.participation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.agora.participation.Resident;
import org.agora.participation.ResidentRegister;
import org.agora.shared.DistrictCode;
import org.agora.web.security.CurrentUser;

/**
 * What the platform's register says of the signed-in person, for their profile: the district and year of birth the
 * participatory-budget vote reads, which may differ from what their account says now.
 */
@Named
@RequestScoped
public class MyRegisterEntry {

    @Inject
    ResidentRegister register;

    @Inject
    CurrentUser currentUser;

    private Optional<Resident> entry = Optional.empty();

    @PostConstruct
    void load() {
        if (currentUser.isSignedIn()) {
            entry = register.findByAccount(currentUser.getUsername());
        }
    }

    public boolean isOnRegister() {
        return entry.isPresent();
    }

    public String getDistrict() {
        return entry.flatMap(Resident::getDistrict).map(DistrictCode::value).orElse(null);
    }

    public Integer getBirthYear() {
        return entry.flatMap(Resident::getBirthYear).orElse(null);
    }

    /** Whether the account now says another district or year of birth than the register (which the vote reads). */
    public boolean isDifferent() {
        return entry.isPresent() && (!java.util.Objects.equals(getDistrict(), currentUser.getHomeDistrict())
                || getBirthYear() != null && !getBirthYear().equals(currentUser.getBirthYear()));
    }
}
