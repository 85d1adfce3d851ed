package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ResponsesOnH2Test extends ResponsePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
