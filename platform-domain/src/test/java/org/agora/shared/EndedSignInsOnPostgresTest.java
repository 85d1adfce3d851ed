package org.agora.shared;

import org.agora.testing.TestDatabase;

class EndedSignInsOnPostgresTest extends EndedSignInsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
