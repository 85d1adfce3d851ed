package org.agora.kpi;

import org.agora.testing.TestDatabase;

class KpisOnPostgresTest extends KpiPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
