package org.agora.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.agora.shared.DemoData;
import org.agora.shared.Migrations;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's database: defined from MicroProfile Config (environment variables AGORA_DB_URL,
 * AGORA_DB_DATASOURCE_CLASS, AGORA_DB_USER, AGORA_DB_PASSWORD; H2 in ./data by default), migrated by Flyway before the
 * application serves anything. On a demo installation (agora.demo-data) it then fires {@link DemoData}: each capability
 * seeds its own demo data if it has none yet, the territory first.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/agora",
        className = "${MPCONFIG=agora.db.datasource-class}",
        url = "${MPCONFIG=agora.db.url}",
        user = "${MPCONFIG=agora.db.user}",
        password = "${MPCONFIG=agora.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                      "fish.payara.connection-validation-method=auto-commit"})
@Singleton
@Startup
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = "java:app/jdbc/agora")
    private DataSource dataSource;

    @Inject
    private Event<DemoData> demoStart;

    @Inject
    @ConfigProperty(name = "agora.demo-data", defaultValue = "false")
    private boolean demoData;

    @Inject
    @ConfigProperty(name = "agora.mode", defaultValue = "development")
    private String mode;

    @PostConstruct
    void migrateAndSeed() {
        if ("production".equalsIgnoreCase(mode.strip())) {
            // refuse to start rather than run with a secret anyone who read the code knows
            org.eclipse.microprofile.config.Config config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
            java.util.List<String> problems = ProductionSecrets.problems(key -> config.getOptionalValue(key, String.class));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("agora.mode=production, but: " + String.join("; ", problems));
            }
        }
        int applied = Migrations.migrate(dataSource);
        LOG.info(() -> "Database schema up to date (" + applied + " migration(s) applied)");
        if (demoData) {
            demoStart.fire(new DemoData(Instant.now()));
        }
    }
}
