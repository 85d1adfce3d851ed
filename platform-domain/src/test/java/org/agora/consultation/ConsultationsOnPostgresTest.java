package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ConsultationsOnPostgresTest extends ConsultationPersistenceContract {

    @Override
    TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
