package org.agora.council;

import org.agora.testing.TestDatabase;

class CouncilContentOnH2Test extends CouncilContentPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
