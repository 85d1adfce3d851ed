package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class VotingOnPostgresTest extends VotingPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
