package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class TallyOnPostgresTest extends TallyPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
