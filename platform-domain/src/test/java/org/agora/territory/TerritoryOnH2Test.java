package org.agora.territory;

import org.agora.testing.TestDatabase;

class TerritoryOnH2Test extends TerritoryPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
