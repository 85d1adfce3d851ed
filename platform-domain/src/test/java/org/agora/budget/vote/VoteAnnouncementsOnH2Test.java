package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class VoteAnnouncementsOnH2Test extends VoteAnnouncementsPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
