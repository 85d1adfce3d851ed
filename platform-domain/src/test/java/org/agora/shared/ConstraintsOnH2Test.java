package org.agora.shared;

import org.agora.testing.TestDatabase;

class ConstraintsOnH2Test extends ConstraintsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
