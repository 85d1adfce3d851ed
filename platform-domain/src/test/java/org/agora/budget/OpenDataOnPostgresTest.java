package org.agora.budget;

import org.agora.testing.TestDatabase;

class OpenDataOnPostgresTest extends OpenDataPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
