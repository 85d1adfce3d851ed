package org.agora.budget.vote;

import org.agora.testing.TestDatabase;

class VotingOnH2Test extends VotingPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
