package org.agora.budget.project;

import org.agora.testing.TestDatabase;

class ProjectsOnH2Test extends ProjectPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
