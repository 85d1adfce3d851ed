package org.agora.demo;

import org.agora.testing.TestDatabase;

class DemoDataOnH2Test extends DemoDataContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
