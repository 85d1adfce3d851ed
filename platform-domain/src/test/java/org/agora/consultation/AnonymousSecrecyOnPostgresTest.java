package org.agora.consultation;

import org.agora.testing.TestDatabase;

class AnonymousSecrecyOnPostgresTest extends AnonymousSecrecyContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    protected boolean postgres() {
        return true;
    }
}
