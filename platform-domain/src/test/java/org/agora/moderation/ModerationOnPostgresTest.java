package org.agora.moderation;

import org.agora.testing.TestDatabase;

class ModerationOnPostgresTest extends ModerationPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
