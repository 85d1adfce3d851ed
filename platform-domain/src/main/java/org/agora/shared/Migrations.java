package org.agora.shared;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema to the current version with the Flyway migrations of this module. */
public final class Migrations {

    private Migrations() {
    }

    /** Applies pending migrations and returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
