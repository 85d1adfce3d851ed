package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ResponsesOnPostgresTest extends ResponsePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
