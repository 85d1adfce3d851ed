package org.agora.privacy;

import org.agora.testing.TestDatabase;

class MyDataOnH2Test extends MyDataContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
