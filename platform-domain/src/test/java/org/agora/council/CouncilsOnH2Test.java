package org.agora.council;

import org.agora.testing.TestDatabase;

class CouncilsOnH2Test extends CouncilPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
