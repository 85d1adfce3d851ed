package org.agora.budget.call;

import org.agora.testing.TestDatabase;

class BudgetCallsOnPostgresTest extends BudgetCallPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
