package org.agora.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The database's constraints as the last word on a write (a unique name, one response or one ballot per
 * person): a write they refuse, even one racing another request or another instance, becomes the given
 * {@link ConflictException}, and the transaction stores nothing. Only a unique key taken or a row changed meanwhile
 * (its version moved) is such a conflict; any other refusal (a missing value, a missing reference) is a defect and
 * propagates as it is.
 */
public final class Constraints {

    /** The SQL state of a unique violation, on PostgreSQL and on H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Sends the pending changes now, so that a refused one is reported as the conflict. */
    public static void flush(EntityManager em, Supplier<ConflictException> conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw conflictOr(e, conflict);
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
            throw conflictOr(e, conflict);
        }
    }

    private static RuntimeException conflictOr(PersistenceException e, Supplier<ConflictException> conflict) {
        return isConflict(e) ? conflict.get() : e;
    }

    /** Whether the refusal is a unique key taken or a row changed meanwhile, found anywhere in its causes. */
    static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
