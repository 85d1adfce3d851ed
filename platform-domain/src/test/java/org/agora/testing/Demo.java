package org.agora.testing;

import jakarta.persistence.EntityManager;
import org.agora.budget.DemoBudget;
import org.agora.budget.DemoReports;
import org.agora.consultation.DemoConsultations;
import org.agora.council.DemoCouncils;
import org.agora.territory.DemoTerritory;

/** Each capability's demo data on one entity manager, built as CDI builds it for a demo start. */
public final class Demo {

    private Demo() {
    }

    public static DemoTerritory territory(EntityManager em) {
        return new DemoTerritory(em);
    }

    public static DemoConsultations consultations(EntityManager em) {
        return new DemoConsultations(Services.on(em).consultations());
    }

    public static DemoBudget budget(EntityManager em) {
        Services services = Services.on(em);
        return new DemoBudget(services.budget(), services.openData(), services.projects());
    }

    public static DemoCouncils councils(EntityManager em) {
        Services services = Services.on(em);
        return new DemoCouncils(services.territory(), services.councils(), services.meetings());
    }

    public static DemoReports reports(EntityManager em) {
        Services services = Services.on(em);
        return new DemoReports(services.budget(), services.projects(), services.comments(), services.moderation(3));
    }
}
