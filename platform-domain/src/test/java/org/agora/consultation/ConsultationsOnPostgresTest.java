package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ConsultationsOnPostgresTest extends ConsultationPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
