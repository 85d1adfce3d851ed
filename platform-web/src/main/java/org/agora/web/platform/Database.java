package org.agora.web.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.agora.budget.DemoBudget;
import org.agora.consultation.DemoConsultations;
import org.agora.council.DemoCouncils;
import org.agora.shared.Migrations;
import org.agora.territory.DemoTerritory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The application's database: defined from MicroProfile Config (environment variables AGORA_DB_URL,
 * AGORA_DB_DATASOURCE_CLASS, AGORA_DB_USER, AGORA_DB_PASSWORD; H2 in ./data by default), migrated by Flyway before the
 * application serves anything, and given the demo territory on a demo installation's first start.
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

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "agora.demo-data", defaultValue = "false")
    private boolean demoData;

    @PostConstruct
    void migrateAndSeed() {
        int applied = Migrations.migrate(dataSource);
        LOG.info(() -> "Database schema up to date (" + applied + " migration(s) applied)");
        if (demoData && DemoTerritory.seedIfEmpty(em)) {
            LOG.info("Demo territory of Belrive loaded");
        }
        if (demoData && DemoConsultations.seedIfEmpty(em, Instant.now())) {
            LOG.info("Demo consultations loaded");
        }
        if (demoData && DemoBudget.seedIfEmpty(em, Instant.now())) {
            LOG.info("Demo participatory budget loaded");
        }
        if (demoData && DemoCouncils.seedIfEmpty(em, Instant.now())) {
            LOG.info("Demo neighbourhood councils loaded");
        }
    }
}
