package org.agora.media;

import org.agora.testing.TestDatabase;

class ImagesOnPostgresTest extends ImagePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
