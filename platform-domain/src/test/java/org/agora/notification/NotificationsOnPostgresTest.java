package org.agora.notification;

import org.agora.testing.TestDatabase;

class NotificationsOnPostgresTest extends NotificationPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
