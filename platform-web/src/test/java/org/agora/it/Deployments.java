package org.agora.it;

import java.io.File;
import org.agora.it.support.TestOnlyClock;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place that builds what the integration tests deploy. Each start of Payara Micro is a new JVM, so the tests
 * are grouped in a few suites ({@link ApiSuiteIT}, {@link JourneysSuiteIT}), each deploying once: the application's
 * real WAR, as Maven built it, plus the test-only support ({@link TestOnlyClock}: dates moved into the past instead of
 * waiting for them).
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application() {
        File war = new File(System.getProperty("agora.war", "target/agora.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addPackage(TestOnlyClock.class.getPackage());
    }
}
