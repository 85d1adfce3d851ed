package org.agora.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database's schema to the current version with the Flyway migrations of this module: the common ones
 * ({@code db/migration}) and those written for one kind of database ({@code db/vendor/h2}, {@code db/vendor/postgresql}:
 * what the two cannot say in the same SQL, such as a trigger). Versions are numbered across both folders.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Applies pending migrations and returns how many ran. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                .load()
                .migrate()
                .migrationsExecuted;
    }

    /** {@code h2} or {@code postgresql}, from what the database says it is. */
    static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgres")) {
                return "postgresql";
            }
            throw new IllegalStateException("no migrations for the database " + product + ": H2 or PostgreSQL only");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it", e);
        }
    }
}
