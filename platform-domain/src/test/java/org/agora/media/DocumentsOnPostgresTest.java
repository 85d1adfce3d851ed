package org.agora.media;

import org.agora.testing.TestDatabase;

class DocumentsOnPostgresTest extends DocumentPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
