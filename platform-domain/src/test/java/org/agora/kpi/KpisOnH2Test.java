package org.agora.kpi;

import org.agora.testing.TestDatabase;

class KpisOnH2Test extends KpiPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
