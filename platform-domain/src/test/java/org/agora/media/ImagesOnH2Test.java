package org.agora.media;

import org.agora.testing.TestDatabase;

class ImagesOnH2Test extends ImagePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
