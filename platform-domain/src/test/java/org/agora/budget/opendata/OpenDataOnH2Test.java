package org.agora.budget.opendata;

import org.agora.testing.TestDatabase;

class OpenDataOnH2Test extends OpenDataPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
