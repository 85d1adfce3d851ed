package org.agora.shared;

import org.agora.testing.TestDatabase;

class ConstraintsOnPostgresTest extends ConstraintsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
