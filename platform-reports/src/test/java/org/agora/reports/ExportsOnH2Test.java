package org.agora.reports;

import org.agora.testing.TestDatabase;

class ExportsOnH2Test extends ExportsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
