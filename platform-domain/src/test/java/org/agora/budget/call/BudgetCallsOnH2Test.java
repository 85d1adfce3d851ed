package org.agora.budget.call;

import org.agora.testing.TestDatabase;

class BudgetCallsOnH2Test extends BudgetCallPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
