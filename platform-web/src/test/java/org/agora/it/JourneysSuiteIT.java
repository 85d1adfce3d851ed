package org.agora.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The journeys of each role in headless Chromium, signing in through the real Keycloak, on one real Payara Micro:
 * one deployment for every browser test class (each start of Payara Micro is a JVM start). The journeys do not depend
 * on each other's order: each makes its own calls, consultations and councils, with unique names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JourneysSuiteIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Nested
    class Pages extends BrowserTests {
    }

    @Nested
    class Organisers extends OrganiserBrowserTests {
    }

    @Nested
    class Consultations extends ConsultationJourneyTests {
    }

    @Nested
    class Budget extends BudgetJourneyTests {
    }

    @Nested
    class Councils extends CouncilJourneyTests {
    }

    @Nested
    class CouncilContent extends CouncilContentTests {
    }

    @Nested
    class Notifications extends NotificationJourneyTests {
    }

    @Nested
    class Moderation extends ModerationJourneyTests {
    }

    @Nested
    class Rights extends RightsJourneyTests {
    }

    @Nested
    class Keyboard extends KeyboardTests {
    }
}
