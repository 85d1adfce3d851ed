package org.agora.moderation;

import org.agora.testing.TestDatabase;

class ModerationOnH2Test extends ModerationPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
