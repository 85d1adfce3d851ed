package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ConsultationReadingOnPostgresTest extends ConsultationReadingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
