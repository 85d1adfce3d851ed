package org.agora.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API on one real Payara Micro, called with real Keycloak tokens, and the checks of every page that need no
 * journey (who may open it, its accessibility for each role): one deployment for every test class here (each start
 * of Payara Micro is a JVM start). The tests do not depend on each other's order: each makes its own
 * data through the API, with unique names.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSuiteIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @Nested
    class TerritoryAndAccounts extends ApiTests {
    }

    @Nested
    class Budget extends BudgetApiTests {
    }

    @Nested
    class FollowUp extends FollowUpApiTests {
    }

    @Nested
    class Consultations extends ConsultationApiTests {
    }

    @Nested
    class Notifications extends NotificationApiTests {
    }

    @Nested
    class Moderation extends ModerationApiTests {
    }

    @Nested
    class Newsletters extends NewsletterApiTests {
    }

    @Nested
    class Rights extends RightsApiTests {
    }

    @Nested
    class Kpis extends KpiApiTests {
    }

    @Nested
    class Audience extends AudienceApiTests {
    }

    @Nested
    class BadInput extends BadInputTests {
    }

    @Nested
    class Exports extends ExportApiTests {
    }

    /** The matrix asks pages too, with sessions signed in over HTTP: no browser, so it belongs with the API tests. */
    @Nested
    class Authorization extends AuthorizationTests {
    }

    @Nested
    class Accessibility extends AccessibilityTests {
    }
}
