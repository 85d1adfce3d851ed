package org.agora.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The failures bench/faults' PostgreSQL drill met while the database restarted, and ones it must not take for them. */
class DatabaseUnavailableTest {

    @Test
    void aClosedConnectionUnderAFailedCommitIsTheDatabaseBeingAway() {
        SystemException commit = new SystemException("commit failed");
        commit.initCause(new SQLException("This connection has been closed.", "08003"));
        assertTrue(DatabaseUnavailable.causes(new TransactionalException("during commit", commit)));
    }

    @Test
    void theServerShuttingDownOrStartingAndThePoolWithoutConnectionsAreToo() {
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(new SQLException("terminating connection due to"
                + " administrator command", "57P01"))));
        assertTrue(DatabaseUnavailable.causes(new PersistenceException(new SQLException("the database system is"
                + " starting up", "57P03"))));
        assertTrue(DatabaseUnavailable.causes(new PersistenceException("no connection",
                new ResourceAllocationException("Error in allocating a connection"))));
        SQLException batch = new SQLException("batch entry 0 failed", "42000");
        batch.setNextException(new SQLException("Connection refused", "08001"));
        assertTrue(DatabaseUnavailable.causes(batch));
    }

    @Test
    void aRefusedStatementOrABugIsNot() {
        assertFalse(DatabaseUnavailable.causes(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causes(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
    }

    @Test
    void aCommitTheTransactionManagerCouldNotCompleteHasAnUnknownOutcome() {
        assertTrue(DatabaseUnavailable.uncertainCommit(new TransactionalException("during commit",
                new SystemException("commit failed"))));
        assertTrue(DatabaseUnavailable.uncertainCommit(new TransactionalException("during commit",
                new NullPointerException("Cannot invoke \"jakarta.transaction.Transaction.getStatus()\""))));
        assertFalse(DatabaseUnavailable.uncertainCommit(new TransactionalException("rolled back",
                new jakarta.transaction.RollbackException("rolled back"))));
        assertFalse(DatabaseUnavailable.uncertainCommit(new TransactionalException("no transaction",
                new jakarta.transaction.TransactionRequiredException("mandatory"))));
        assertFalse(DatabaseUnavailable.uncertainCommit(new SystemException("not from a commit")));
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.causes(a));
    }
}
