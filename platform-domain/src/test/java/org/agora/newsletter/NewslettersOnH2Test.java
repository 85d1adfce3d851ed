package org.agora.newsletter;

import org.agora.testing.TestDatabase;

class NewslettersOnH2Test extends NewsletterPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
