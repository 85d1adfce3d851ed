package org.agora.shared;

import org.agora.testing.TestDatabase;

class EndedSignInsOnH2Test extends EndedSignInsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
