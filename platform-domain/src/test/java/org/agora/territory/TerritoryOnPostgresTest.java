package org.agora.territory;

import org.agora.testing.TestDatabase;

class TerritoryOnPostgresTest extends TerritoryPersistenceContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
