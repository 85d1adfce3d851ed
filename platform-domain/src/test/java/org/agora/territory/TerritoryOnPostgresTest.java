package org.agora.territory;

import org.agora.testing.TestDatabase;

class TerritoryOnPostgresTest extends TerritoryPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
