package org.agora.web.consultation;

import jakarta.faces.model.SelectItem;
import java.util.ArrayList;
import java.util.List;
import org.agora.consultation.ConsultationPermissions;
import org.agora.consultation.ConsultationScope;
import org.agora.shared.Actor;
import org.agora.territory.District;

/**
 * The scopes of consultations as organisers pick and read them: the whole city (the value "") or a district (its
 * code). Which ones a person may pick is the domain's rule ({@link ConsultationPermissions#canOrganise}).
 */
final class ConsultationScopes {

    static final String CITY = "";

    private ConsultationScopes() {
    }

    /** The scopes this person may organise, the city first when allowed, then the districts by name. */
    static List<SelectItem> organisable(Actor actor, List<District> districts, String cityLabel) {
        List<SelectItem> items = new ArrayList<>();
        if (ConsultationPermissions.canOrganise(actor, ConsultationScope.city())) {
            items.add(new SelectItem(CITY, cityLabel));
        }
        for (District district : districts) {
            if (ConsultationPermissions.canOrganise(actor, ConsultationScope.of(district.getCode()))) {
                items.add(new SelectItem(district.getCode().value(), district.getName()));
            }
        }
        return items;
    }

    static String value(ConsultationScope scope) {
        return scope.district().map(d -> d.value()).orElse(CITY);
    }

    static String name(ConsultationScope scope, List<District> districts, String cityLabel) {
        return scope.district()
                .map(code -> districts.stream().filter(d -> d.getCode().equals(code)).map(District::getName)
                        .findFirst().orElse(code.value()))
                .orElse(cityLabel);
    }
}
