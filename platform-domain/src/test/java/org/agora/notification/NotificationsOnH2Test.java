package org.agora.notification;

import org.agora.testing.TestDatabase;

class NotificationsOnH2Test extends NotificationPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
