package org.agora.budget;

import org.agora.testing.TestDatabase;

class ProjectsOnPostgresTest extends ProjectPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
