package org.agora.council;

import org.agora.testing.TestDatabase;

class CouncilsOnPostgresTest extends CouncilPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
