package org.agora.audience;

import org.agora.testing.TestDatabase;

class AudienceOnPostgresTest extends AudiencePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
