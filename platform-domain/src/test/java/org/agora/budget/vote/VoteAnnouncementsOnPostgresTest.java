package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class VoteAnnouncementsOnPostgresTest extends VoteAnnouncementsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
