package org.agora.budget;

import org.agora.testing.TestDatabase;

class VotingOnPostgresTest extends VotingPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
