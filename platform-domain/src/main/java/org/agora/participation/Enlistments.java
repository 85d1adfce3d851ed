package org.agora.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Adds an account holder to the register in a transaction of its own, so that the entry stays even when the request
 * that made it is refused, and so that two first requests of the same person at once (a double click, two instances)
 * enlist them once: the loser's insert breaks the account's unique key, its own transaction is rolled back, and the
 * caller goes on with the winner's row.
 * <p>
 * Called before the caller's transaction has touched the database, it never makes a request hold two pooled
 * connections at once; and its insert is plain JDBC with the id from the register's sequence, so it never waits for
 * EclipseLink's sequencing lock. Both happened before (an entity persisted in a nested transaction after the caller's
 * first query): under a burst of first votes every pooled connection was held by a vote waiting for a second one, and
 * the votes stalled until EclipseLink gave up after 40 s (docs/performance.md, run of 6 December 2026).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Enlistments {

    /** An account holder's entry, unless the account is on the register already (then nothing is inserted). */
    private static final String INSERT = "insert into residents (id, account, full_name, name_key, birth_year,"
            + " district_code, enlisted_at, version) select nextval('resident_ids'), ?, ?, ?, ?, ?, ?, 0"
            + " where not exists (select 1 from residents where account = ?)";

    @PersistenceContext(unitName = "agora")
    private EntityManager em;

    protected Enlistments() {
        // for CDI
    }

    /** Outside a container (resource-local transactions): each addition in a transaction of its own, as in one. */
    private jakarta.persistence.EntityManagerFactory factory;

    /** For use outside a container, with the factory of the caller's entity manager. */
    Enlistments(EntityManager em) {
        this.factory = em.getEntityManagerFactory();
    }

    /**
     * Stores the account holder's entry now unless the account is on the register; a simultaneous first request of
     * the same account fails with the database's {@code PersistenceException} (the caller reads the winner's row).
     */
    public void addIfAbsent(Resident resident) {
        if (factory == null) {
            insert(em.unwrap(Connection.class), resident);
            return;
        }
        EntityManager own = factory.createEntityManager();
        try {
            own.getTransaction().begin();
            insert(own.unwrap(Connection.class), resident);
            own.getTransaction().commit();
        } finally {
            if (own.getTransaction().isActive()) {
                own.getTransaction().rollback();
            }
            own.close();
        }
    }

    private static void insert(Connection connection, Resident resident) {
        String account = resident.getAccount().orElseThrow(() -> new IllegalArgumentException("an account holder"));
        String fullName = resident.getFullName().orElse(null);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, account);
            insert.setString(2, fullName);
            insert.setString(3, fullName == null ? null : NameKey.of(fullName));
            if (resident.getBirthYear().isPresent()) {
                insert.setInt(4, resident.getBirthYear().get());
            } else {
                insert.setNull(4, Types.INTEGER);
            }
            insert.setString(5, resident.getDistrict().map(d -> d.value()).orElse(null));
            insert.setObject(6, OffsetDateTime.ofInstant(resident.getEnlistedAt(), ZoneOffset.UTC));
            insert.setString(7, account);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
