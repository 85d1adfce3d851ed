package org.agora.demo;

import org.agora.testing.TestDatabase;

class DemoDataOnPostgresTest extends DemoDataContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
