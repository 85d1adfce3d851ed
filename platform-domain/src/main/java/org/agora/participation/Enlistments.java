package org.agora.participation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Adds an account holder to the register in a transaction of its own, so that two first requests of the same person
 * at once (a double click, two instances) enlist them once: the loser's insert breaks the account's unique key, its
 * own transaction is rolled back, and the caller's goes on with the winner's row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class Enlistments {

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

    /** Stores the new entry now; a duplicate account fails with the database's {@code PersistenceException}. */
    public void add(Resident resident) {
        if (factory == null) {
            em.persist(resident);
            em.flush();
            return;
        }
        EntityManager own = factory.createEntityManager();
        try {
            own.getTransaction().begin();
            own.persist(resident);
            own.getTransaction().commit();
        } finally {
            if (own.getTransaction().isActive()) {
                own.getTransaction().rollback();
            }
            own.close();
        }
    }
}
