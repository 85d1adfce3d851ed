package org.agora.consultation;

import org.agora.testing.TestDatabase;

class AnnouncementsOnPostgresTest extends AnnouncementsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
