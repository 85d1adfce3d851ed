package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class TallyOnH2Test extends TallyPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
