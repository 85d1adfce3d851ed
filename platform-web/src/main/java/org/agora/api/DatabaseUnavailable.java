package org.agora.api;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Whether a failure comes from the database being unreachable (stopped, restarting, failing over, out of connections)
 * rather than from the request: the API then answers 503 with {@code Retry-After}, "try again in a moment", instead
 * of an unexpected 500. Read from the causes: a JDBC error of SQLSTATE class 08 (connection exception), 57P01 to 57P03
 * (the server shutting down or starting) or 53300 (too many connections), or the connection pool unable to hand out
 * a connection.
 */
public final class DatabaseUnavailable {

    private static final int DEEPEST = 32;

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.size() < DEEPEST && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            // the pool's own failures (Payara's PoolingException, the connector's ResourceAllocationException)
            String name = t.getClass().getSimpleName();
            if (name.equals("PoolingException") || name.equals("ResourceAllocationException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transaction whose commit failed in the transaction manager (a SystemException, a heuristic outcome, or the
     * manager's own error when the database went away during the commit, as the drill met a NullPointerException):
     * whether the change was stored is not known. A commit rolled back (RollbackException) stored nothing, and a
     * method called outside the transaction it demands is a bug: neither is uncertain.
     */
    public static boolean uncertainCommit(Throwable failure) {
        if (!(failure instanceof jakarta.transaction.TransactionalException) || failure.getCause() == null) {
            return false;
        }
        Throwable cause = failure.getCause();
        return !(cause instanceof jakarta.transaction.RollbackException
                || cause instanceof jakarta.transaction.InvalidTransactionException
                || cause instanceof jakarta.transaction.TransactionRequiredException);
    }

    private static boolean unavailable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                    || state.equals("57P03") || state.equals("53300"))) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return false;
    }
}
