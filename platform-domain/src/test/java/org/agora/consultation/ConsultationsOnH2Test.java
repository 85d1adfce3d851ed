package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ConsultationsOnH2Test extends ConsultationPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
