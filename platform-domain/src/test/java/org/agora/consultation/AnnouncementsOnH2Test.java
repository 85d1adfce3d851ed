package org.agora.consultation;

import org.agora.testing.TestDatabase;

class AnnouncementsOnH2Test extends AnnouncementsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
