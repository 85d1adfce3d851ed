package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class SealedVoteOnH2Test extends SealedVotePersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }

    @Override
    protected boolean postgres() {
        return false;
    }
}
