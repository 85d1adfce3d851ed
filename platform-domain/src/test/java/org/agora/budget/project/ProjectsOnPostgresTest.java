package org.agora.budget.project;

import org.agora.testing.TestDatabase;

class ProjectsOnPostgresTest extends ProjectPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
