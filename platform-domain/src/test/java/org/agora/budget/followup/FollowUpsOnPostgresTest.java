package org.agora.budget.followup;

import org.agora.testing.TestDatabase;

class FollowUpsOnPostgresTest extends FollowUpPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
