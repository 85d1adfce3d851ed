package org.agora.audience;

import org.agora.testing.TestDatabase;

class AudienceOnH2Test extends AudiencePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }

    @Override
    protected boolean sharedByInstances() {
        return false;
    }
}
