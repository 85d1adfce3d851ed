package org.agora.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.function.Supplier;

/**
 * The database's constraints as the last word on a write (a unique name, one response or one ballot per
 * person): a write they refuse, even one racing another request or another instance, becomes the given
 * {@link ConflictException}, and the transaction stores nothing.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Sends the pending changes now, so that a refused one is reported as the conflict. */
    public static void flush(EntityManager em, Supplier<ConflictException> conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw conflict.get();
        }
    }

    /** Runs one SQL insert (positional parameters from 1); a key it violates is reported as the conflict. */
    public static void insert(EntityManager em, Supplier<ConflictException> conflict, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        try {
            query.executeUpdate();
        } catch (PersistenceException e) {
            throw conflict.get();
        }
    }
}
