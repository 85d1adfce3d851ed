package org.agora.newsletter;

import org.agora.testing.TestDatabase;

class NewslettersOnPostgresTest extends NewsletterPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
