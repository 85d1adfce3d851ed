package org.agora.web.consultation;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.agora.consultation.ConsultationService;
import org.agora.territory.District;
import org.agora.territory.TerritoryService;
import org.agora.web.platform.Language;
import org.agora.web.platform.Texts;
import org.agora.web.security.CurrentUser;

/** Office and district agents: the consultations they organise (all for the office, their districts' for agents). */
@Named
@ViewScoped
public class OrganiserConsultationsPage implements Serializable {

    @Inject
    ConsultationService consultations;

    @Inject
    TerritoryService territory;

    @Inject
    CurrentUser currentUser;

    @Inject
    Language language;

    private List<OrganisedConsultation> organised;

    @PostConstruct
    void load() {
        Locale locale = language.getCurrent();
        List<District> districts = territory.districts();
        String city = Texts.format(locale, "consultation.scope.city");
        organised = consultations.organisedBy(currentUser.actor()).stream()
                .map(c -> new OrganisedConsultation(c, ConsultationScopes.name(c.getScope(), districts, city),
                        Texts.format(locale, "consultation.status." + c.getStatus().name())))
                .toList();
    }

    public List<OrganisedConsultation> getConsultations() {
        return organised;
    }
}
