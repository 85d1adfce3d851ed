package org.agora.privacy;

import org.agora.testing.TestDatabase;

class MyDataOnPostgresTest extends MyDataContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
