package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class SealedVoteOnPostgresTest extends SealedVotePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    protected boolean postgres() {
        return true;
    }
}
