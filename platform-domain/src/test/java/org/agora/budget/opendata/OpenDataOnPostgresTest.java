package org.agora.budget.opendata;

import org.agora.testing.TestDatabase;

class OpenDataOnPostgresTest extends OpenDataPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
