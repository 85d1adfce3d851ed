package org.agora.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.agora.consultation.Consultation;
import org.agora.consultation.ConsultationStatus;
import org.agora.shared.DistrictCode;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.territory.Theme;
import org.agora.web.platform.Texts;

/** How pages name a consultation's scope, theme, status and dates, in the visitor's language and the city's time. */
@Named
@RequestScoped
public class ConsultationLabels {

    @Inject
    TerritoryService territory;

    private Map<String, String> districtNames;
    private Map<Long, String> themeNames;

    public String scope(Consultation consultation) {
        return consultation.getScope().district().map(DistrictCode::value)
                .map(code -> districtNames().getOrDefault(code, code))
                .orElseGet(() -> text("consultation.scope.city"));
    }

    public String theme(Consultation consultation) {
        return consultation.getThemeId() == null ? "" : themeNames().getOrDefault(consultation.getThemeId(), "");
    }

    public String status(ConsultationStatus status) {
        return text("consultation.status." + status.name());
    }

    /** A date and time as people of the city read it, e.g. "12 mars 2027, 18:00". */
    public String dateTime(Instant instant) {
        return org.agora.web.platform.CityTime.dateTime(instant, locale());
    }

    private Map<String, String> districtNames() {
        if (districtNames == null) {
            districtNames = territory.districts().stream()
                    .collect(Collectors.toMap(d -> d.getCode().value(), District::getName));
        }
        return districtNames;
    }

    private Map<Long, String> themeNames() {
        if (themeNames == null) {
            themeNames = territory.themes().stream().collect(Collectors.toMap(Theme::getId, Theme::getName));
        }
        return themeNames;
    }

    private static java.util.Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String text(String key) {
        return Texts.format(locale(), key);
    }
}
