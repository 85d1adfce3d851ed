package org.agora.consultation;

import org.agora.testing.TestDatabase;

class AnonymousSecrecyOnH2Test extends AnonymousSecrecyContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }

    @Override
    protected boolean postgres() {
        return false;
    }
}
