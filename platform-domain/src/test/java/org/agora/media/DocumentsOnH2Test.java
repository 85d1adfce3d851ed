package org.agora.media;

import org.agora.testing.TestDatabase;

class DocumentsOnH2Test extends DocumentPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
