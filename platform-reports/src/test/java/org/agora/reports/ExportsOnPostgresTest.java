package org.agora.reports;

import org.agora.testing.TestDatabase;

class ExportsOnPostgresTest extends ExportsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
