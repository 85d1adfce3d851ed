package org.agora.consultation;

import org.agora.testing.TestDatabase;

class ConsultationReadingOnH2Test extends ConsultationReadingContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
