package org.agora.council;

import org.agora.testing.TestDatabase;

class CouncilContentOnPostgresTest extends CouncilContentPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
