package org.agora.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.agora.shared.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database migrated by the real Flyway migrations: an in-memory H2, or a throw-away schema on the
 * PostgreSQL server named by AGORA_TEST_PG_URL (default 127.0.0.1:5432/test). When no PostgreSQL answers, the
 * PostgreSQL tests are skipped, unless AGORA_REQUIRE_POSTGRES=true (CI), where they fail.
 */
public final class TestDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final Runnable dropper;
    private final EntityManagerFactory emf;

    private TestDatabase(DataSource dataSource, String url, String user, String password, Runnable dropper) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
        Migrations.migrate(dataSource);
        this.emf = Persistence.createEntityManagerFactory("agora-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:agora-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return new TestDatabase(dataSource, url, "sa", "", () -> { });
    }

    public static TestDatabase postgres() {
        String serverUrl = env("AGORA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("AGORA_TEST_PG_USER", "postgres");
        String password = env("AGORA_TEST_PG_PASSWORD", "");
        String schema = "agora_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            boolean required = Boolean.parseBoolean(env("AGORA_REQUIRE_POSTGRES", "false"));
            if (required) {
                throw new IllegalStateException("PostgreSQL is required but does not answer at " + serverUrl, e);
            }
            Assumptions.abort("no PostgreSQL at " + serverUrl + ": " + e.getMessage());
        }
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        Runnable dropper = () -> execute(serverUrl, user, password, "DROP SCHEMA " + schema + " CASCADE");
        return new TestDatabase(dataSource, url, user, password, dropper);
    }

    /** Runs the work in one transaction, committed when it returns normally, rolled back when it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** An entity manager whose transactions the caller runs and which the caller closes (a service kept across them). */
    public EntityManager entityManager() {
        return emf.createEntityManager();
    }

        /** Plain SQL on the same database, to prove what the constraints do on their own. */
    public void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement st = connection.createStatement()) {
            st.execute(statement);
        }
    }

    @Override
    public void close() {
        emf.close();
        dropper.run();
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
