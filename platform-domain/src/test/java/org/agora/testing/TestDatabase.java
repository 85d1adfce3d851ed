package org.agora.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.agora.shared.Migrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An empty database migrated by the real Flyway migrations: an in-memory H2, or a throw-away schema on the
 * PostgreSQL server named by AGORA_TEST_PG_URL (default 127.0.0.1:5432/test). When no PostgreSQL answers, the
 * PostgreSQL tests are skipped, unless AGORA_REQUIRE_POSTGRES=true (CI), where they fail.
 * <p>
 * Migrating a schema and starting EclipseLink cost a second or two, many times what a test does: so each kind of
 * database is made once per test JVM, and {@link #close()} empties it instead of dropping it. The migrations insert
 * no rows on an empty database, so an emptied database is a fresh one, apart from where the sequences stand. The
 * schema is dropped when the JVM ends.
 * <p>
 * Emptying deletes the rows of the tables that hold some, the referencing tables first: on PostgreSQL a TRUNCATE of
 * the sixty tables costs about a second (new files for every table), most of a persistence test's time, where the
 * deletes of a test's few rows cost milliseconds. The deleted rows stay in the files until PostgreSQL vacuums them,
 * as in a database in use; a test about where rows physically lie (the order of a dump) asks for new, empty storage
 * with {@link #renewStorage()}.
 */
public final class TestDatabase implements AutoCloseable {

    private static TestDatabase h2;
    private static TestDatabase postgres;

    private final String url;
    private final String user;
    private final String password;
    private final EntityManagerFactory emf;
    private final List<String> tables;
    /** The tables in an order that deletes their rows without breaking a reference, or none when references loop. */
    private final List<String> deleteOrder;
    private final boolean isPostgres;

    private TestDatabase(DataSource dataSource, String url, String user, String password, boolean isPostgres) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.isPostgres = isPostgres;
        Migrations.migrate(dataSource);
        this.tables = tables();
        this.deleteOrder = isPostgres ? deleteOrder() : List.of();
        this.emf = Persistence.createEntityManagerFactory("agora-test", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    public static synchronized TestDatabase h2() {
        if (h2 == null) {
            String url = "jdbc:h2:mem:agora-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL(url);
            dataSource.setUser("sa");
            dataSource.setPassword("");
            h2 = new TestDatabase(dataSource, url, "sa", "", false);
        }
        return h2;
    }

    public static synchronized TestDatabase postgres() {
        if (postgres == null) {
            postgres = newPostgres();
        }
        return postgres;
    }

    private static TestDatabase newPostgres() {
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
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> execute(serverUrl, user, password, "DROP SCHEMA " + schema + " CASCADE")));
        return new TestDatabase(dataSource, url, user, password, true);
    }

    /** The tables the migrations made, apart from Flyway's own history. */
    private List<String> tables() {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[]{"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase("flyway_schema_history")) {
                    names.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("the migrations made no table at " + url);
        }
        return List.copyOf(names);
    }

    /**
     * The tables, each after every table whose rows reference it (a table referencing itself is emptied by one
     * statement), or an empty list when the references between tables make a loop.
     */
    private List<String> deleteOrder() {
        Map<String, java.util.Set<String>> referencedBy = new java.util.HashMap<>();
        tables.forEach(t -> referencedBy.put(t.toLowerCase(java.util.Locale.ROOT), new java.util.HashSet<>()));
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select c.relname, p.relname from pg_constraint k"
                     + " join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid"
                     + " where k.contype = 'f' and k.connamespace = current_schema()::regnamespace")) {
            while (rows.next()) {
                String referencing = rows.getString(1);
                String referenced = rows.getString(2);
                if (!referencing.equals(referenced) && referencedBy.containsKey(referenced)) {
                    referencedBy.get(referenced).add(referencing);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> order = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (order.size() < referencedBy.size()) {
            List<String> ready = referencedBy.entrySet().stream()
                    .filter(e -> !placed.contains(e.getKey()) && placed.containsAll(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (ready.isEmpty()) {
                return List.of();
            }
            order.addAll(ready);
            placed.addAll(ready);
        }
        return List.copyOf(order);
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

    /**
     * What the database holds, as text to compare: each table's row count, then its rows (every column but the
     * generated ids and the binary ones, which hold images, files and seals; an id in a page's address as {@code #}),
     * each row one line, sorted.
     */
    public String contents() {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (String table : tables.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).sorted().toList()) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = connection.getMetaData().getColumns(null, connection.getSchema(),
                        isPostgres ? table : table.toUpperCase(java.util.Locale.ROOT), "%")) {
                    while (rows.next()) {
                        String column = rows.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT);
                        int type = rows.getInt("DATA_TYPE");
                        boolean binary = type == java.sql.Types.BLOB || type == java.sql.Types.BINARY
                                || type == java.sql.Types.VARBINARY || type == java.sql.Types.LONGVARBINARY;
                        if (!binary && !column.equals("id") && !column.endsWith("_id")) {
                            columns.add(column);
                        }
                    }
                }
                columns.sort(null);
                List<String> lines = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (String column : columns) {
                            Object value = rows.getObject(column);
                            String text = value instanceof Boolean ? value.toString() : rows.getString(column);
                            // a page's address names a generated id too (a notification's link): left out like the ids
                            line.append(column).append('=')
                                    .append(text == null ? null : text.replaceAll("([?&](?:id|call|project|meeting)=)\\d+", "$1#"))
                                    .append(" | ");
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                out.append("# ").append(table).append(": ").append(lines.size()).append('\n');
                lines.forEach(l -> out.append(l).append('\n'));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the test database " + url, e);
        }
        return out.toString();
    }

    /** Empties every table: the next test finds the database as the migrations left it. */
    @Override
    public void close() {
        if (!isPostgres || deleteOrder.isEmpty()) {
            renewStorage();
            return;
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            List<String> holdingRows = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(String.join(" union all ", deleteOrder.stream()
                    .map(t -> "select '" + t + "' where exists (select 1 from " + t + ")").toList()))) {
                while (rows.next()) {
                    holdingRows.add(rows.getString(1));
                }
            }
            for (String table : deleteOrder) {
                if (holdingRows.contains(table)) {
                    // the audit log refuses DELETE (its trigger, V20); TRUNCATE is left to the database's owner
                    statement.execute((table.equals("audit_log") ? "TRUNCATE " : "DELETE FROM ") + table);
                }
            }
            // the deletes above fired the KPIs' triggers, which noted what they changed: those notes go too; the refresh's
            // row is the migration's, as on new storage
            statement.execute("DELETE FROM kpi_changes");
            statement.execute("INSERT INTO kpi_refresh (id) SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM kpi_refresh)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + url, e);
        }
    }

    /** Empties every table into new, empty storage (TRUNCATE), as a fresh database has: nothing left in its files. */
    public void renewStorage() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            if (isPostgres) {
                statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            } else {
                statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
                for (String table : tables) {
                    statement.execute("TRUNCATE TABLE " + table);
                }
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
            statement.execute("INSERT INTO kpi_refresh (id) VALUES (1)"); // the migration's row (V33)
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database " + url, e);
        }
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
