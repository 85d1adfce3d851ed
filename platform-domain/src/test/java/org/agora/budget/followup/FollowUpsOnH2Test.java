package org.agora.budget.followup;

import org.agora.testing.TestDatabase;

class FollowUpsOnH2Test extends FollowUpPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
